namespace Sharp.Bpf.Samples.TcPortFirewall.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The kernel side: a tc ingress program that drops TCP and UDP packets (IPv4 and IPv6) whose destination port is
/// a key of <see cref="BlockedPorts"/>, counting the drops per port, and lets everything else through.</summary>
/// <remarks>User space edits <see cref="BlockedPorts"/> while the program runs; the next packet sees the change. IPv4
/// fragments after the first carry no ports and pass, as do IPv6 packets whose transport header follows extension headers.</remarks>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class PortFirewallProbe
{
    /// <summary>Destination ports (host byte order) to drop; the value is unused.</summary>
    public static readonly HashMap<ushort, byte> BlockedPorts = new(maxEntries: 1024);

    /// <summary>Packets dropped per destination port, one count per CPU.</summary>
    public static readonly PerCpuHashMap<ushort, ulong> DroppedPackets = new(maxEntries: 1024);

    /// <summary>Drops the packet when its destination port is blocked.</summary>
    [Tc]
    public static TcAction FilterIngress(SkBuff skb)
    {
        var packet = skb.Packet;
        var eth = packet.GetRef<EthernetHeader>(0);
        if (eth.IsNull) return TcAction.Ok;
        var etherType = eth.Value.EtherType;
        byte protocol;
        int offset;
        if (etherType == EtherTypes.Ipv4)
        {
            var ip = packet.GetRef<Ipv4Header>(EthernetHeader.Size);
            if (ip.IsNull || ip.Value.Ihl < 5 || ip.Value.FragmentOffset != 0) return TcAction.Ok;
            protocol = ip.Value.Protocol;
            offset = EthernetHeader.Size + ip.Value.HeaderLength;
        }
        else if (etherType == EtherTypes.Ipv6)
        {
            var ip = packet.GetRef<Ipv6Header>(EthernetHeader.Size);
            if (ip.IsNull) return TcAction.Ok;
            protocol = ip.Value.NextHeader;
            offset = EthernetHeader.Size + Ipv6Header.Size;
        }
        else return TcAction.Ok;
        if (protocol != IpProtocols.Tcp && protocol != IpProtocols.Udp) return TcAction.Ok;

        // TCP and UDP headers both start with the source and destination ports, so one 8-byte view reads either.
        var ports = packet.GetRef<UdpHeader>(offset);
        if (ports.IsNull) return TcAction.Ok;
        var port = ports.Value.DestinationPort;
        if (BlockedPorts.Lookup(port).IsNull) return TcAction.Ok;

        var drops = DroppedPackets.Lookup(port);
        if (drops.HasValue) drops.Value++;
        else DroppedPackets.Update(port, 1);
        return TcAction.Shot;
    }
}
