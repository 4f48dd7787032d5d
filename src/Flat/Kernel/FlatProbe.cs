namespace Sharp.Bpf.Flat.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>flat's kernel side: tc programs at ingress and egress that timestamp TCP SYNs and first UDP datagrams in an LRU
/// map keyed by flow, and on the SYN/ACK or the first datagram back on the reversed 5-tuple send the latency and the reply's
/// TTL to a ring buffer — so user space receives completed measurements only, and other traffic costs a parse.</summary>
/// <remarks>Parses Ethernet, up to two 802.1Q/802.1ad tags, IPv4 honouring the IHL (options), IPv6 skipping up to
/// <see cref="MaxExtensionHeaders"/> extension headers, then TCP or UDP. Skips broadcast and multicast frames and
/// addresses, and fragments without the transport header. Both programs return <see cref="TcAction.Ok"/> always: flat
/// observes, it never changes a packet's fate.</remarks>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class FlatProbe
{
    /// <summary>How many IPv6 extension headers the parser steps over before giving up on a packet.</summary>
    public const int MaxExtensionHeaders = 6;

    /// <summary>A pending flow older than this is stale: its reply is not reported (the LRU map also evicts old entries
    /// when full).</summary>
    public const ulong StaleAfterNs = 10_000_000_000;

    /// <summary>Which flows to measure; set by user space before load.</summary>
    [Configuration]
    public static FlowFilter Filter;

    /// <summary>Request timestamps (<see cref="Bpf.KtimeGetNs"/>) of flows waiting for their reply.</summary>
    public static readonly LruHashMap<FlowKey, ulong> Pending = new(maxEntries: 65_536);

    /// <summary>Completed measurements, read by user space.</summary>
    public static readonly RingBuffer<FlowMeasurement> Measurements = new(sizeBytes: 1 << 20);

    /// <summary>Per CPU, at index 0: how many measurements were lost because <see cref="Measurements"/> was full.</summary>
    public static readonly PerCpuArrayMap<ulong> Drops = new(maxEntries: 1);

    /// <summary>Observes a packet arriving on the interface.</summary>
    [Tc]
    public static TcAction Ingress(SkBuff skb)
    {
        Observe(skb, 1);
        return TcAction.Ok;
    }

    /// <summary>Observes a packet leaving through the interface.</summary>
    [Tc]
    public static TcAction Egress(SkBuff skb)
    {
        Observe(skb, 0);
        return TcAction.Ok;
    }

    static void Observe(SkBuff skb, byte ingress)
    {
        var packet = skb.Packet;
        // Headers are referenced in place (GetRef), so only the fields used are loaded and nothing is copied to the stack.
        var eth = packet.GetRef<EthernetHeader>(0);
        // The group bit of the destination MAC: multicast, and broadcast (all ones).
        if (eth.IsNull || (eth.Value.Destination[0] & 1) != 0) return;
        var etherType = eth.Value.EtherType;
        var offset = EthernetHeader.Size;
        for (var tag = 0; tag < 2; tag++)
        {
            if (etherType != EtherTypes.Vlan && etherType != EtherTypes.QinQ) break;
            var vlan = packet.GetRef<VlanHeader>(offset);
            if (vlan.IsNull) return;
            etherType = vlan.Value.EncapsulatedEtherType;
            offset += VlanHeader.Size;
        }

        var key = new FlowKey();
        byte ttl;
        if (etherType == EtherTypes.Ipv4)
        {
            var ip = packet.GetRef<Ipv4Header>(offset);
            if (ip.IsNull || ip.Value.Ihl < 5 || ip.Value.IsFragment && ip.Value.FragmentOffset != 0) return;
            // 224.0.0.0/4 multicast and 255.255.255.255 broadcast (network order: the first octet is the low byte).
            var destination = ip.Value.DestinationAddressNetworkOrder;
            if ((destination & 0xF0) == 0xE0 || destination == 0xFFFF_FFFF) return;
            FlowKey.SetIpv4(ref key, ip.Value.SourceAddressNetworkOrder, destination);
            key.Protocol = ip.Value.Protocol;
            ttl = ip.Value.Ttl;
            offset += ip.Value.HeaderLength;
        }
        else if (etherType == EtherTypes.Ipv6)
        {
            var ip = packet.GetRef<Ipv6Header>(offset);
            if (ip.IsNull || ip.Value.Destination[0] == 0xFF) return;
            key.Source = ip.Value.Source;
            key.Destination = ip.Value.Destination;
            key.Protocol = ip.Value.NextHeader;
            ttl = ip.Value.HopLimit;
            offset += Ipv6Header.Size;
            for (var i = 0; i < MaxExtensionHeaders; i++)
            {
                if (key.Protocol == IpProtocols.Ipv6Fragment)
                {
                    var fragment = packet.GetRef<Ipv6FragmentHeader>(offset);
                    if (fragment.IsNull || fragment.Value.FragmentOffset != 0) return;
                    key.Protocol = fragment.Value.NextHeader;
                    offset += Ipv6FragmentHeader.Size;
                }
                else if (key.Protocol == IpProtocols.AuthenticationHeader)
                {
                    var authentication = packet.GetRef<Ipv6ExtensionHeader>(offset);
                    if (authentication.IsNull) return;
                    key.Protocol = authentication.Value.NextHeader;
                    offset += (authentication.Value.LengthUnits + 2) * 4;
                }
                else if (key.Protocol == IpProtocols.Ipv6HopByHop || key.Protocol == IpProtocols.Ipv6Routing || key.Protocol == IpProtocols.Ipv6DestinationOptions)
                {
                    var extension = packet.GetRef<Ipv6ExtensionHeader>(offset);
                    if (extension.IsNull) return;
                    key.Protocol = extension.Value.NextHeader;
                    offset += extension.Value.HeaderLength;
                }
                else break;
            }
        }
        else return;

        if (key.Protocol == IpProtocols.Tcp)
        {
            var tcp = packet.GetRef<TcpHeader>(offset);
            if (tcp.IsNull) return;
            key.SourcePort = tcp.Value.SourcePort;
            key.DestinationPort = tcp.Value.DestinationPort;
            if (!Wanted(in key)) return;
            // A retransmitted SYN overwrites the timestamp, so retransmission waits are not reported as latency.
            if (tcp.Value.IsSyn) Pending.Update(in key, Bpf.KtimeGetNs());
            else if (tcp.Value.IsSynAck)
            {
                FlowKey.Reverse(ref key);
                Complete(in key, ttl, ingress);
            }
        }
        else if (key.Protocol == IpProtocols.Udp)
        {
            var udp = packet.GetRef<UdpHeader>(offset);
            if (udp.IsNull) return;
            key.SourcePort = udp.Value.SourcePort;
            key.DestinationPort = udp.Value.DestinationPort;
            if (!Wanted(in key)) return;
            // A reply ends the measurement of the reversed flow; otherwise this is a request: the first datagram starts a
            // measurement, later ones in the same direction leave it running.
            FlowKey.Reverse(ref key);
            if (Complete(in key, ttl, ingress)) return;
            FlowKey.Reverse(ref key);
            Pending.Update(in key, Bpf.KtimeGetNs(), UpdateFlags.NoExist);
        }
    }

    static bool Wanted(in FlowKey key)
    {
        if (Filter.Port != 0 && key.SourcePort != Filter.Port && key.DestinationPort != Filter.Port) return false;
        if (Filter.MatchAddress == 0) return true;
        return SameAddress(in key.Source, in Filter.Address) || SameAddress(in key.Destination, in Filter.Address);
    }

    static bool SameAddress(in Ipv6Address left, in Ipv6Address right)
    {
        for (uint i = 0; i < Ipv6Address.Size; i++)
            if (left[(int)i] != right[(int)i]) return false;
        return true;
    }

    /// <summary>Ends the measurement of <paramref name="request"/> if one is pending.</summary>
    /// <returns>Whether one was pending (then it is removed, reported or not).</returns>
    static bool Complete(in FlowKey request, byte ttl, byte ingress)
    {
        if (!Pending.TryGetValue(in request, out var start)) return false;
        Pending.Delete(in request);
        var latency = Bpf.KtimeGetNs() - start;
        if (latency > StaleAfterNs) return true;
        var measurement = Measurements.Reserve();
        if (measurement.IsNull)
        {
            var drops = Drops.Lookup(0);
            if (drops.HasValue) drops.Value++;
            return true;
        }
        // Field by field, straight into ring buffer memory (which is not zeroed, hence the padding).
        measurement.Value.Flow = request;
        measurement.Value.LatencyNs = latency;
        measurement.Value.Ttl = ttl;
        measurement.Value.ReplyIngress = ingress;
        measurement.Value.Padding0 = 0;
        measurement.Value.Padding1 = 0;
        measurement.Submit();
        return true;
    }
}
