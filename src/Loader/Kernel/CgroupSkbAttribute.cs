namespace Sharp.Bpf.Kernel;

/// <summary>A cgroup skb program (<c>BPF_PROG_TYPE_CGROUP_SKB</c> with <c>BPF_CGROUP_INET_INGRESS</c>/<c>_EGRESS</c>,
/// Linux 4.10): sees the packets of a cgroup's sockets. The method takes a <see cref="SkBuff"/> and returns a
/// <see cref="CgroupVerdict"/>. Section <c>cgroup_skb/ingress</c> or <c>cgroup_skb/egress</c>.</summary>
/// <param name="direction">Which of the cgroup's packets the program sees.</param>
public sealed class CgroupSkbAttribute(TrafficDirection direction) : ProgramAttribute
{
    /// <summary>Which of the cgroup's packets the program sees.</summary>
    public TrafficDirection Direction { get; } = direction;
    /// <inheritdoc/>
    public override string SectionName => Direction == TrafficDirection.Ingress ? "cgroup_skb/ingress" : "cgroup_skb/egress";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.CgroupSkb;
    /// <inheritdoc/>
    public override AttachType ExpectedAttachType =>
        Direction == TrafficDirection.Ingress ? AttachType.CgroupInetIngress : AttachType.CgroupInetEgress;
}
