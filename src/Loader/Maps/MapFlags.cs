namespace Sharp.Bpf;

/// <summary><c>BPF_MAP_CREATE</c> flags (<c>map_flags</c>, linux/bpf.h). <see cref="Sharp.Bpf.Elf.MapSpec.Flags"/> holds them as a number.</summary>
[Flags]
public enum MapFlags : uint
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary><c>BPF_F_NO_PREALLOC</c>: allocate hash elements on demand; required for LPM tries.</summary>
    NoPreallocation = 1 << 0,
    /// <summary><c>BPF_F_NO_COMMON_LRU</c>: one LRU list per CPU.</summary>
    NoCommonLru = 1 << 1,
    /// <summary><c>BPF_F_NUMA_NODE</c>: allocate on <see cref="Sharp.Bpf.Elf.MapSpec.NumaNode"/>.</summary>
    NumaNode = 1 << 2,
    /// <summary><c>BPF_F_RDONLY</c>: user space may only read.</summary>
    ReadOnly = 1 << 3,
    /// <summary><c>BPF_F_WRONLY</c>: user space may only write.</summary>
    WriteOnly = 1 << 4,
    /// <summary><c>BPF_F_STACK_BUILD_ID</c>: stack trace maps store build id and offset.</summary>
    StackBuildId = 1 << 5,
    /// <summary><c>BPF_F_ZERO_SEED</c>: a zero hash seed, for tests only.</summary>
    ZeroSeed = 1 << 6,
    /// <summary><c>BPF_F_RDONLY_PROG</c>: programs may only read (<c>.rodata</c>).</summary>
    ReadOnlyProgram = 1 << 7,
    /// <summary><c>BPF_F_WRONLY_PROG</c>: programs may only write.</summary>
    WriteOnlyProgram = 1 << 8,
    /// <summary><c>BPF_F_CLONE</c>: socket storage is cloned to accepted sockets.</summary>
    Clone = 1 << 9,
    /// <summary><c>BPF_F_MMAPABLE</c>: an array map user space can <c>mmap</c> (Linux 5.5).</summary>
    Mmapable = 1 << 10,
    /// <summary><c>BPF_F_PRESERVE_ELEMS</c>: perf event array entries outlive the descriptor that set them.</summary>
    PreserveElements = 1 << 11,
    /// <summary><c>BPF_F_INNER_MAP</c>: an inner map template whose inner maps may differ in max_entries.</summary>
    InnerMap = 1 << 12,
}
