using System.Runtime.InteropServices;

namespace Sharp.Bpf.Flat.Kernel;

/// <summary>What the probe sends to user space for each completed TCP handshake or UDP request/response.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FlowMeasurement
{
    /// <summary>The flow as the first packet (SYN or request) carried it.</summary>
    public FlowKey Flow;
    /// <summary>Reply time − request time, from the kernel's monotonic clock.</summary>
    public ulong LatencyNs;
    /// <summary>TTL (IPv4) or hop limit (IPv6) of the reply.</summary>
    public byte Ttl;
    /// <summary>1 when the reply arrived on ingress (this host sent the request: the remote end is
    /// <see cref="FlowKey.Destination"/>), 0 when it left on egress (this host answered: the remote end is
    /// <see cref="FlowKey.Source"/>).</summary>
    public byte ReplyIngress;
    /// <summary>Zero.</summary>
    public ushort Padding0;
    /// <summary>Zero.</summary>
    public uint Padding1;
}
