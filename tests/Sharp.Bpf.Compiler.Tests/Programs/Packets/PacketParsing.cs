namespace Sharp.Bpf.Compiler.Tests.Programs.Packets;

using Sharp.Bpf.Kernel;

/// <summary>Header parsing over the packet cursor: Ethernet, VLAN, IPv4 (with options, so a variable offset), IPv6, TCP
/// and UDP; each read is bounds-checked, and cut-short frames take the failure paths.</summary>
[BpfObject(License = "GPL")]
public static partial class PacketParsing
{
    /// <summary>The EtherType in host order, or 0 when the frame is short.</summary>
    [Xdp]
    public static XdpAction EtherTypeOf(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out EthernetHeader eth)) return XdpAction.Aborted;
        return (XdpAction)eth.EtherType;
    }

    /// <summary>The EtherType after one VLAN tag, and whether there was one.</summary>
    [Xdp]
    public static XdpAction VlanAwareEtherType(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth)) return XdpAction.Aborted;
        if (eth.EtherType != EtherTypes.Vlan) return (XdpAction)eth.EtherType;
        if (!packet.TryRead(EthernetHeader.Size, out VlanHeader vlan)) return XdpAction.Drop;
        return (XdpAction)(0x10000 | vlan.EncapsulatedEtherType);
    }

    /// <summary>The IPv4 protocol and header length, validated (version 4, IHL ≥ 5).</summary>
    [Xdp]
    public static XdpAction Ipv4Protocol(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.EtherType != EtherTypes.Ipv4) return XdpAction.Pass;
        if (!packet.TryRead(EthernetHeader.Size, out Ipv4Header ip)) return XdpAction.Drop;
        if (ip.Version != 4 || ip.Ihl < 5) return XdpAction.Drop;
        return (XdpAction)(ip.Protocol | ip.HeaderLength << 8 | (ip.IsFragment ? 1 << 16 : 0));
    }

    /// <summary>TCP or UDP ports over IPv4 with options: the transport header's offset depends on the IHL.</summary>
    [Xdp]
    public static XdpAction Ipv4TransportPorts(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.EtherType != EtherTypes.Ipv4) return XdpAction.Pass;
        if (!packet.TryRead(EthernetHeader.Size, out Ipv4Header ip) || ip.Ihl < 5) return XdpAction.Drop;
        int offset = EthernetHeader.Size + ip.HeaderLength;
        if (ip.Protocol == IpProtocols.Tcp)
        {
            if (!packet.TryRead(offset, out TcpHeader tcp)) return XdpAction.Drop;
            return (XdpAction)((uint)tcp.SourcePort << 16 | tcp.DestinationPort);
        }
        if (ip.Protocol == IpProtocols.Udp)
        {
            if (!packet.TryRead(offset, out UdpHeader udp)) return XdpAction.Drop;
            return (XdpAction)((uint)udp.SourcePort << 16 | udp.DestinationPort);
        }
        return XdpAction.Pass;
    }

    /// <summary>TCP or UDP destination port over IPv6, with the hop limit.</summary>
    [Xdp]
    public static XdpAction Ipv6TransportPorts(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.EtherType != EtherTypes.Ipv6) return XdpAction.Pass;
        if (!packet.TryRead(EthernetHeader.Size, out Ipv6Header ip) || ip.Version != 6) return XdpAction.Drop;
        const int offset = EthernetHeader.Size + Ipv6Header.Size;
        ushort port = 0;
        TcpHeader tcp;
        UdpHeader udp;
        if (ip.NextHeader == IpProtocols.Tcp && packet.TryRead(offset, out tcp)) port = tcp.DestinationPort;
        else if (ip.NextHeader == IpProtocols.Udp && packet.TryRead(offset, out udp)) port = udp.DestinationPort;
        return (XdpAction)((uint)ip.HopLimit << 16 | port);
    }

    /// <summary>TCP flag classification: SYN, SYN-ACK, RST, FIN, other.</summary>
    [Xdp]
    public static XdpAction TcpFlagsClass(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.EtherType != EtherTypes.Ipv4) return XdpAction.Pass;
        if (!packet.TryRead(EthernetHeader.Size, out Ipv4Header ip) || ip.Ihl < 5 || ip.Protocol != IpProtocols.Tcp) return XdpAction.Pass;
        if (!packet.TryRead(EthernetHeader.Size + ip.HeaderLength, out TcpHeader tcp)) return XdpAction.Drop;
        if (tcp.IsSyn) return (XdpAction)10;
        if (tcp.IsSynAck) return (XdpAction)11;
        if ((tcp.Flags & TcpFlags.Rst) != 0) return (XdpAction)12;
        if ((tcp.Flags & TcpFlags.Fin) != 0) return (XdpAction)13;
        return (XdpAction)(14 + tcp.HeaderLength);
    }

    /// <summary>Decrements the IPv4 TTL in place through a packet reference (the packet left behind is compared).</summary>
    [Xdp]
    public static XdpAction DecrementTtl(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out EthernetHeader eth) || eth.EtherType != EtherTypes.Ipv4) return XdpAction.Pass;
        var ip = packet.GetRef<Ipv4Header>(EthernetHeader.Size);
        if (ip.IsNull) return XdpAction.Drop;
        if (ip.Value.Ttl <= 1) return XdpAction.Drop;
        ip.Value.Ttl--;
        return XdpAction.Tx;
    }
}
