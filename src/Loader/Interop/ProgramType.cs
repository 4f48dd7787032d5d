namespace Sharp.Bpf.Interop;

/// <summary>The kernel's program types (enum bpf_prog_type in linux/bpf.h).</summary>
internal enum ProgramType : uint
{
    Xdp = 6,
}
