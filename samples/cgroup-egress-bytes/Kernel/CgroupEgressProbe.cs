namespace Sharp.Bpf.Samples.CgroupEgressBytes.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>cgroup-egress-bytes's kernel side: a cgroup skb egress program that counts, per CPU, the packets the cgroup's
/// sockets send and their bytes, and lets every packet through.</summary>
/// <remarks>Minimum kernel: 4.10 (cgroup skb programs); attaching by link needs 5.7.</remarks>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class CgroupEgressProbe
{
    /// <summary>At index 0, per CPU: the packets and bytes counted on that CPU (user space sums the CPUs; per-CPU slots need
    /// no atomic adds).</summary>
    public static readonly PerCpuArrayMap<TrafficCount> Totals = new(maxEntries: 1);

    /// <summary>Counts a packet leaving a socket of the cgroup (or of a descendant) and allows it.</summary>
    [CgroupSkb(TrafficDirection.Egress)]
    public static CgroupVerdict CountEgress(SkBuff skb)
    {
        var total = Totals.Lookup(0);
        if (total.HasValue)
        {
            total.Value.Packets++;
            total.Value.Bytes += skb.Len;
        }
        return CgroupVerdict.Allow;
    }
}
