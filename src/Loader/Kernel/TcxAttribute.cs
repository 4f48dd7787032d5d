namespace Sharp.Bpf.Kernel;

/// <summary>A tc classifier for a TCX link (<c>BPF_PROG_TYPE_SCHED_CLS</c> with <c>BPF_TCX_INGRESS</c>/<c>BPF_TCX_EGRESS</c>,
/// Linux 6.6). The method takes a <see cref="SkBuff"/> and returns a <see cref="TcAction"/>. Section <c>tcx/ingress</c> or
/// <c>tcx/egress</c>.</summary>
/// <param name="direction">The side of the interface the program sees.</param>
public sealed class TcxAttribute(TrafficDirection direction) : ProgramAttribute
{
    /// <summary>The side of the interface the program sees.</summary>
    public TrafficDirection Direction { get; } = direction;
    /// <inheritdoc/>
    public override string SectionName => Direction == TrafficDirection.Ingress ? "tcx/ingress" : "tcx/egress";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.SchedClassifier;
    /// <inheritdoc/>
    public override AttachType ExpectedAttachType => Direction == TrafficDirection.Ingress ? AttachType.TcxIngress : AttachType.TcxEgress;
}
