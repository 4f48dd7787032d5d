namespace Sharp.Bpf.Kernel;

/// <summary>A tc classifier (<c>BPF_PROG_TYPE_SCHED_CLS</c>, Linux 4.1; direct action 4.4) attached through netlink clsact
/// + cls_bpf, or through a TCX link when user space chooses one. The method takes a <see cref="SkBuff"/> and returns a
/// <see cref="TcAction"/>. Section <c>tc</c>; use <see cref="TcxAttribute"/> to fix the direction in the object.</summary>
public sealed class TcAttribute : ProgramAttribute
{
    /// <inheritdoc/>
    public override string SectionName => "tc";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.SchedClassifier;
}
