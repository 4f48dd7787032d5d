namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

using Sharp.Bpf.Kernel;

/// <summary>The XDP per-protocol packet counter, the logic of native/xdp_counter.c: counts every IPv4 or IPv6 packet in
/// a per-CPU array indexed by its IP protocol.</summary>
[BpfObject(License = "GPL")]
public static partial class XdpProtocolCounter
{
    const ushort Ipv4NetworkOrder = 0x0008;
    const ushort Ipv6NetworkOrder = 0xDD86;

    /// <summary>Packets per IP protocol number, per CPU.</summary>
    public static readonly PerCpuArrayMap<ulong> PacketsByProtocol = new(maxEntries: 256);

    /// <summary>Counts one packet; always <see cref="XdpAction.Pass"/>.</summary>
    [Xdp]
    public static XdpAction CountProtocols(XdpMd ctx)
    {
        var packet = ctx.Packet;
        var ethernet = packet.GetRef<EthernetHeader>(0);
        if (ethernet.IsNull) return XdpAction.Pass;
        uint protocol;
        var proto = ethernet.Value.EtherTypeNetworkOrder;
        if (proto == Ipv4NetworkOrder)
        {
            var ip = packet.GetRef<Ipv4Header>(EthernetHeader.Size);
            if (ip.IsNull) return XdpAction.Pass;
            protocol = ip.Value.Protocol;
        }
        else if (proto == Ipv6NetworkOrder)
        {
            var ip = packet.GetRef<Ipv6Header>(EthernetHeader.Size);
            if (ip.IsNull) return XdpAction.Pass;
            protocol = ip.Value.NextHeader;
        }
        else return XdpAction.Pass;

        var count = PacketsByProtocol.Lookup(protocol);
        if (count.HasValue) count.Value++;
        return XdpAction.Pass;
    }
}
