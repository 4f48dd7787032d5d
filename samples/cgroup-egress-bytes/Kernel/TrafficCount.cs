using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples.CgroupEgressBytes.Kernel;

/// <summary>Packets and bytes counted on one CPU.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TrafficCount
{
    /// <summary>Packets that left.</summary>
    public ulong Packets;
    /// <summary>Their bytes: <c>skb->len</c> at the cgroup egress hook, the IP header and everything after it.</summary>
    public ulong Bytes;
}
