using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

using Sharp.Bpf.Kernel;

/// <summary>The TC probe's flow, laid out as <c>struct flow_key</c> in native/tc_probe.c: addresses as the packet carries
/// them (IPv4 in the first four bytes, the rest zero), ports in network order, explicit padding because map keys compare
/// by bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProbeFlowKey
{
    /// <summary>The source address.</summary>
    public Ipv6Address Source;

    /// <summary>The destination address.</summary>
    public Ipv6Address Destination;

    /// <summary>The source port, network order.</summary>
    public ushort SourcePortNetworkOrder;

    /// <summary>The destination port, network order.</summary>
    public ushort DestinationPortNetworkOrder;

    /// <summary>The transport protocol (<see cref="IpProtocols"/>).</summary>
    public byte Protocol;

    /// <summary>4 or 6.</summary>
    public byte Family;

    /// <summary>Always zero.</summary>
    public ushort Padding;
}
