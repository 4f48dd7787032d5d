namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>A sample kernel object in flat's style (DESIGN.md §4's illustration made real): a tc program that timestamps TCP
/// SYNs and UDP requests in an LRU map keyed by flow, and on the SYN/ACK or the first reply on the reversed flow sends the
/// latency and the reply's TTL to a ring buffer. It parses Ethernet, one VLAN tag, IPv4 with options and IPv6 with up to two
/// extension headers, and skips multicast frames and non-first fragments.</summary>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class LatencyProbe
{
    /// <summary>Only flows with this port on either side are measured; 0 measures every flow.</summary>
    [Configuration]
    public static ushort Port;

    public static readonly LruHashMap<FlowKey, ulong> Pending = new(maxEntries: 65_536);
    public static readonly RingBuffer<LatencyMeasurement> Measurements = new(sizeBytes: 1 << 16);

    [Tc]
    public static TcAction Observe(SkBuff skb)
    {
        var packet = skb.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.Destination.IsMulticast) return TcAction.Ok;
        var etherType = eth.EtherType;
        var offset = EthernetHeader.Size;
        if (etherType == EtherTypes.Vlan)
        {
            if (!packet.TryRead(offset, out VlanHeader vlan)) return TcAction.Ok;
            etherType = vlan.EncapsulatedEtherType;
            offset += VlanHeader.Size;
        }

        var key = new FlowKey();
        byte ttl;
        if (etherType == EtherTypes.Ipv4)
        {
            if (!packet.TryRead(offset, out Ipv4Header ip) || ip.IsFragment) return TcAction.Ok;
            key.Source = FlowKey.MapIpv4(ip.SourceAddressNetworkOrder);
            key.Destination = FlowKey.MapIpv4(ip.DestinationAddressNetworkOrder);
            key.Protocol = ip.Protocol;
            ttl = ip.Ttl;
            offset += ip.HeaderLength;
        }
        else if (etherType == EtherTypes.Ipv6)
        {
            if (!packet.TryRead(offset, out Ipv6Header ip)) return TcAction.Ok;
            key.Source = ip.Source;
            key.Destination = ip.Destination;
            key.Protocol = ip.NextHeader;
            ttl = ip.HopLimit;
            offset += Ipv6Header.Size;
            for (var i = 0; i < 2; i++)
            {
                if (key.Protocol != IpProtocols.Ipv6HopByHop && key.Protocol != IpProtocols.Ipv6Routing && key.Protocol != IpProtocols.Ipv6DestinationOptions) break;
                if (!packet.TryRead(offset, out Ipv6ExtensionHeader extension)) return TcAction.Ok;
                key.Protocol = extension.NextHeader;
                offset += extension.HeaderLength;
            }
        }
        else return TcAction.Ok;

        if (key.Protocol == IpProtocols.Tcp)
        {
            if (!packet.TryRead(offset, out TcpHeader tcp)) return TcAction.Ok;
            key.SourcePort = tcp.SourcePort;
            key.DestinationPort = tcp.DestinationPort;
            if (!Wanted(in key)) return TcAction.Ok;
            // A retransmitted SYN overwrites the timestamp, so retransmission waits are not reported as latency.
            if (tcp.IsSyn) Pending.Update(key, Bpf.KtimeGetNs());
            else if (tcp.IsSynAck) Complete(key.Reversed(), ttl);
        }
        else if (key.Protocol == IpProtocols.Udp)
        {
            if (!packet.TryRead(offset, out UdpHeader udp)) return TcAction.Ok;
            key.SourcePort = udp.SourcePort;
            key.DestinationPort = udp.DestinationPort;
            if (!Wanted(in key)) return TcAction.Ok;
            // The first datagram starts a measurement; later ones in the same direction leave it running.
            if (!Complete(key.Reversed(), ttl)) Pending.Update(key, Bpf.KtimeGetNs(), UpdateFlags.NoExist);
        }
        return TcAction.Ok;
    }

    static bool Wanted(in FlowKey key) => Port == 0 || key.SourcePort == Port || key.DestinationPort == Port;

    static bool Complete(FlowKey request, byte ttl)
    {
        if (!Pending.TryGetValue(request, out var start)) return false;
        Pending.Delete(request);
        var measurement = Measurements.Reserve();
        if (measurement.IsNull) return true;
        measurement.Value = new LatencyMeasurement { Flow = request, LatencyNs = Bpf.KtimeGetNs() - start, Ttl = ttl };
        measurement.Submit();
        return true;
    }
}
