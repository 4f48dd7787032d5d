using System.Runtime.InteropServices;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>A flow's 5-tuple as the latency sample keys it: IPv4 addresses are stored IPv4-mapped (::ffff:a.b.c.d), so one
/// key type serves both families; padding is explicit because map keys compare by bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct FlowKey
{
    public Ipv6Address Source;
    public Ipv6Address Destination;
    public ushort SourcePort;
    public ushort DestinationPort;
    public byte Protocol;
    public byte Padding0;
    public ushort Padding1;

    public readonly FlowKey Reversed() => new()
    {
        Source = Destination,
        Destination = Source,
        SourcePort = DestinationPort,
        DestinationPort = SourcePort,
        Protocol = Protocol,
    };

    public static Ipv6Address MapIpv4(uint addressNetworkOrder)
    {
        var mapped = new Ipv6Address();
        mapped[10] = 0xFF;
        mapped[11] = 0xFF;
        MemoryMarshal.Write(((Span<byte>)mapped)[12..], in addressNetworkOrder);
        return mapped;
    }
}
