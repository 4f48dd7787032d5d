using System.Buffers.Binary;

namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

using Sharp.Bpf.Kernel;

/// <summary>The flat-style TC probe, line for line the logic of native/tc_probe.c: parses Ethernet (one optional VLAN
/// tag), IPv4 (honouring the IHL) or IPv6, then TCP or UDP; timestamps a request (SYN, or a UDP datagram) in an LRU hash
/// keyed by the flow, and on the reply (SYN/ACK, or a UDP datagram) looks up the reversed flow and sends the latency to a
/// ring buffer.</summary>
[BpfObject(License = "GPL")]
public static partial class TcLatencyProbe
{
    // EtherTypes as the packet holds them (network order read little-endian), so comparisons need no byte swap — as
    // clang folds bpf_htons of a constant.
    const ushort Ipv4NetworkOrder = 0x0008;
    const ushort Ipv6NetworkOrder = 0xDD86;
    const ushort VlanNetworkOrder = 0x0081;
    const ushort QinQNetworkOrder = 0xA888;

    /// <summary>When non-zero, only flows with this port (host order) on either side are measured.</summary>
    [Configuration]
    public static ushort WatchedPort;

    /// <summary>Request timestamps of flows waiting for their reply.</summary>
    public static readonly LruHashMap<ProbeFlowKey, ulong> PendingRequests = new(maxEntries: 16384);

    /// <summary>Completed measurements.</summary>
    public static readonly RingBuffer<ProbeLatencyEvent> LatencyEvents = new(sizeBytes: 256 * 1024);

    /// <summary>Observes one packet; always <see cref="TcAction.Unspecified"/>.</summary>
    [Tc]
    public static TcAction Probe(SkBuff skb)
    {
        var packet = skb.Packet;
        var ethernet = packet.GetRef<EthernetHeader>(0);
        if (ethernet.IsNull) return TcAction.Unspecified;
        var proto = ethernet.Value.EtherTypeNetworkOrder;
        var offset = EthernetHeader.Size;
        if (proto == VlanNetworkOrder || proto == QinQNetworkOrder)
        {
            var vlan = packet.GetRef<VlanHeader>(offset);
            if (vlan.IsNull) return TcAction.Unspecified;
            proto = vlan.Value.EncapsulatedEtherTypeNetworkOrder;
            offset += VlanHeader.Size;
        }

        var flow = new ProbeFlowKey();
        if (proto == Ipv4NetworkOrder)
        {
            var ip = packet.GetRef<Ipv4Header>(offset);
            if (ip.IsNull || ip.Value.Ihl < 5) return TcAction.Unspecified;
            var source = ip.Value.SourceAddressNetworkOrder;
            var destination = ip.Value.DestinationAddressNetworkOrder;
            // The uint holds the address's bytes in memory order (eBPF is little-endian here): low byte first.
            flow.Source[0] = (byte)source;
            flow.Source[1] = (byte)(source >> 8);
            flow.Source[2] = (byte)(source >> 16);
            flow.Source[3] = (byte)(source >> 24);
            flow.Destination[0] = (byte)destination;
            flow.Destination[1] = (byte)(destination >> 8);
            flow.Destination[2] = (byte)(destination >> 16);
            flow.Destination[3] = (byte)(destination >> 24);
            flow.Family = 4;
            flow.Protocol = ip.Value.Protocol;
            offset += ip.Value.HeaderLength;
        }
        else if (proto == Ipv6NetworkOrder)
        {
            var ip = packet.GetRef<Ipv6Header>(offset);
            if (ip.IsNull) return TcAction.Unspecified;
            flow.Source = ip.Value.Source;
            flow.Destination = ip.Value.Destination;
            flow.Family = 6;
            flow.Protocol = ip.Value.NextHeader;
            offset += Ipv6Header.Size;
        }
        else return TcAction.Unspecified;

        TcpFlags flags = 0;
        if (flow.Protocol == IpProtocols.Tcp)
        {
            var tcp = packet.GetRef<TcpHeader>(offset);
            if (tcp.IsNull) return TcAction.Unspecified;
            flow.SourcePortNetworkOrder = tcp.Value.SourcePortNetworkOrder;
            flow.DestinationPortNetworkOrder = tcp.Value.DestinationPortNetworkOrder;
            flags = tcp.Value.Flags;
        }
        else if (flow.Protocol == IpProtocols.Udp)
        {
            var udp = packet.GetRef<UdpHeader>(offset);
            if (udp.IsNull) return TcAction.Unspecified;
            flow.SourcePortNetworkOrder = udp.Value.SourcePortNetworkOrder;
            flow.DestinationPortNetworkOrder = udp.Value.DestinationPortNetworkOrder;
        }
        else return TcAction.Unspecified;

        if (WatchedPort != 0)
        {
            var watched = BinaryPrimitives.ReverseEndianness(WatchedPort);
            if (flow.SourcePortNetworkOrder != watched && flow.DestinationPortNetworkOrder != watched) return TcAction.Unspecified;
        }

        var now = Bpf.KtimeGetNs();
        var synAck = flags & (TcpFlags.Syn | TcpFlags.Ack);
        var isUdp = flow.Protocol == IpProtocols.Udp;
        if (isUdp || synAck == (TcpFlags.Syn | TcpFlags.Ack))
        {
            var request = new ProbeFlowKey
            {
                Source = flow.Destination,
                Destination = flow.Source,
                SourcePortNetworkOrder = flow.DestinationPortNetworkOrder,
                DestinationPortNetworkOrder = flow.SourcePortNetworkOrder,
                Protocol = flow.Protocol,
                Family = flow.Family,
            };
            var started = PendingRequests.Lookup(in request);
            if (started.HasValue)
            {
                var requestNs = started.Value;
                var latencyEvent = LatencyEvents.Reserve();
                if (latencyEvent.HasValue)
                {
                    latencyEvent.Value.Flow = request;
                    latencyEvent.Value.RequestNs = requestNs;
                    latencyEvent.Value.LatencyNs = now - requestNs;
                    latencyEvent.Submit();
                }
                PendingRequests.Delete(in request);
                return TcAction.Unspecified;
            }
        }
        if (isUdp || synAck == TcpFlags.Syn) PendingRequests.Update(in flow, now);
        return TcAction.Unspecified;
    }
}
