namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>A sample kernel object: an XDP program counting packets per IP protocol (VLAN-tagged or not, IPv4 or IPv6),
/// with non-IP frames under protocol 255's neighbour slot 256.</summary>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class ProtocolCounter
{
    public const uint NotIp = 256;

    public static readonly PerCpuArrayMap<ulong> Counts = new(maxEntries: 257);

    [Xdp]
    public static XdpAction Count(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth)) return XdpAction.Pass;
        var etherType = eth.EtherType;
        var offset = EthernetHeader.Size;
        if (etherType == EtherTypes.Vlan || etherType == EtherTypes.QinQ)
        {
            if (!packet.TryRead(offset, out VlanHeader vlan)) return XdpAction.Pass;
            etherType = vlan.EncapsulatedEtherType;
            offset += VlanHeader.Size;
        }
        uint protocol = NotIp;
        if (etherType == EtherTypes.Ipv4 && packet.TryRead(offset, out Ipv4Header ip4)) protocol = ip4.Protocol;
        else if (etherType == EtherTypes.Ipv6 && packet.TryRead(offset, out Ipv6Header ip6)) protocol = ip6.NextHeader;
        var count = Counts.Lookup(protocol);
        if (count.IsNull) return XdpAction.Pass;
        count.Value++;
        return XdpAction.Pass;
    }
}
