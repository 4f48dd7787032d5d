namespace Sharp.Bpf.Kernel;

/// <summary>Which packets a tcx or cgroup skb program sees.</summary>
public enum TrafficDirection
{
    /// <summary>Packets arriving (tcx: received by the interface; cgroup: delivered to the cgroup's sockets).</summary>
    Ingress,
    /// <summary>Packets leaving (tcx: transmitted by the interface; cgroup: sent by the cgroup's sockets).</summary>
    Egress,
}
