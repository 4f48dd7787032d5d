namespace Sharp.Bpf.Interop;

/// <summary>The kernel's attach types (enum bpf_attach_type in linux/bpf.h); a program load
/// names the one it expects in <see cref="ProgramLoadAttr.ExpectedAttachType"/>.</summary>
internal enum AttachType : uint
{
    /// <summary>0 is also the value for program types that have no attach type.</summary>
    Unspecified = 0,
    Xdp = 37,
}
