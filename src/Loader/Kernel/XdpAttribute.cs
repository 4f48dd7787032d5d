namespace Sharp.Bpf.Kernel;

/// <summary>An XDP program (<c>BPF_PROG_TYPE_XDP</c> with <c>BPF_XDP</c>, Linux 4.8). The method takes an <see cref="XdpMd"/>
/// and returns an <see cref="XdpAction"/>. Section <c>xdp</c>, or <c>xdp.frags</c> with <see cref="Frags"/>.</summary>
public sealed class XdpAttribute : ProgramAttribute
{
    /// <summary>The program handles multi-buffer packets (<c>BPF_F_XDP_HAS_FRAGS</c>, Linux 5.18).</summary>
    public bool Frags { get; init; }
    /// <inheritdoc/>
    public override string SectionName => Frags ? "xdp.frags" : "xdp";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Xdp;
    /// <inheritdoc/>
    public override AttachType ExpectedAttachType => AttachType.Xdp;
}
