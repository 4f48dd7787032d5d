namespace Sharp.Bpf;

/// <summary>What the kernel reports about a loaded program (<c>BPF_OBJ_GET_INFO_BY_FD</c>, struct bpf_prog_info). Fields
/// newer than the running kernel read as zero.</summary>
public sealed record ProgramInfo
{
    /// <summary>The program type.</summary>
    public required ProgramType Type { get; init; }
    /// <summary>The kernel-wide program id (Linux 4.13), as <c>bpftool prog show</c> lists it.</summary>
    public required uint Id { get; init; }
    /// <summary>The program tag: a hash of the instructions before map fds are resolved, as 16 lowercase hex digits.</summary>
    public required string Tag { get; init; }
    /// <summary>The name the kernel keeps (at most 15 characters; Linux 4.15).</summary>
    public required string Name { get; init; }
    /// <summary>Size of the instructions after the verifier's rewrites, in bytes (<c>bytes_xlated</c> in bpftool).</summary>
    public required uint XlatedBytes { get; init; }
    /// <summary>The number of 8-byte instruction slots after the verifier's rewrites.</summary>
    public uint XlatedInstructions => XlatedBytes / 8;
    /// <summary>Size of the JIT-compiled machine code in bytes, 0 when the program is interpreted.</summary>
    public required uint JitedBytes { get; init; }
    /// <summary>How many instructions the verifier processed (<c>verified_insns</c>, Linux 5.16; 0 before).</summary>
    public required uint VerifiedInstructions { get; init; }
    /// <summary>The ids of the maps the program uses (Linux 4.15).</summary>
    public required IReadOnlyList<uint> MapIds { get; init; }
    /// <summary>The id of the program's BTF (Linux 5.0), 0 when it was loaded without.</summary>
    public required uint BtfId { get; init; }
    /// <summary>When the program was loaded, to the resolution of <c>/proc/uptime</c> (10 ms).</summary>
    public required DateTimeOffset LoadTime { get; init; }
    /// <summary>The uid of the process that loaded it.</summary>
    public required uint CreatedByUid { get; init; }
    /// <summary>Whether the program's licence is GPL-compatible (Linux 4.18).</summary>
    public required bool GplCompatible { get; init; }
    /// <summary>Total run time in nanoseconds while BPF statistics were enabled (<c>BPF_ENABLE_STATS</c>, Linux 5.1).</summary>
    public required ulong RunTimeNanoseconds { get; init; }
    /// <summary>Number of runs while BPF statistics were enabled (Linux 5.1).</summary>
    public required ulong RunCount { get; init; }
    /// <summary>Runs skipped because the program was already running on the CPU (Linux 5.12).</summary>
    public required ulong RecursionMisses { get; init; }
    /// <summary>The BTF id of the attach target for BTF-attached programs (Linux 5.18), else 0.</summary>
    public required uint AttachBtfId { get; init; }
}
