namespace Sharp.Bpf.Samples.SocketFilterDns.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The kernel side: a socket filter that keeps UDP packets from or to port 53 (DNS), over IPv4 and IPv6, and drops
/// everything else before it is queued to the socket.</summary>
/// <remarks>On a raw packet socket (AF_PACKET, SOCK_RAW) the packet starts at the Ethernet header. Socket filters cannot
/// read packet memory directly, so headers are copied to the stack with <see cref="Bpf.SkbLoadBytes{T}"/>. IPv4 fragments
/// after the first carry no ports and are dropped, as are IPv6 packets whose UDP header follows extension headers.</remarks>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class DnsFilterProbe
{
    /// <summary>The DNS port.</summary>
    public const ushort DnsPort = 53;

    /// <summary>Keeps the whole packet when it is DNS over UDP.</summary>
    /// <returns>The packet's length to keep it, 0 to drop it.</returns>
    [SocketFilter]
    public static int KeepDns(SkBuff skb)
    {
        byte protocol;
        uint offset;
        var etherType = skb.EtherType;
        if (etherType == EtherTypes.Ipv4)
        {
            if (Bpf.SkbLoadBytes(skb, EthernetHeader.Size, out Ipv4Header ip) != 0) return 0;
            if (ip.Ihl < 5 || ip.FragmentOffset != 0) return 0;
            protocol = ip.Protocol;
            offset = EthernetHeader.Size + (uint)ip.HeaderLength;
        }
        else if (etherType == EtherTypes.Ipv6)
        {
            if (Bpf.SkbLoadBytes(skb, EthernetHeader.Size, out Ipv6Header ip) != 0) return 0;
            protocol = ip.NextHeader;
            offset = EthernetHeader.Size + Ipv6Header.Size;
        }
        else return 0;
        if (protocol != IpProtocols.Udp) return 0;
        if (Bpf.SkbLoadBytes(skb, offset, out UdpHeader udp) != 0) return 0;
        if (udp.SourcePort != DnsPort && udp.DestinationPort != DnsPort) return 0;
        return (int)skb.Len;
    }
}
