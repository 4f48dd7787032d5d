namespace Sharp.Bpf.Samples.XdpProtocolCounter.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The kernel side: an XDP program that counts every IPv4 and IPv6 packet arriving on an interface in a per-CPU
/// array indexed by the IP protocol number (IPv4 protocol, or the IPv6 next header after extension headers), and passes
/// every packet on unchanged.</summary>
/// <remarks>Per-CPU slots need no atomic add: each CPU increments its own copy, and user space sums them.</remarks>
[BpfObject(License = "Dual MIT/GPL")]
public static partial class ProtocolCounterProbe
{
    /// <summary>How many IPv6 extension headers the parser steps over before counting the header it stopped at.</summary>
    public const int MaxExtensionHeaders = 4;

    /// <summary>Packets per IP protocol number, one slot per CPU.</summary>
    public static readonly PerCpuArrayMap<ulong> Packets = new(maxEntries: 256);

    /// <summary>Counts the packet under its IP protocol; frames that are not IP (ARP, ...) are not counted.</summary>
    [Xdp]
    public static XdpAction CountProtocol(XdpMd context)
    {
        var packet = context.Packet;
        var eth = packet.GetRef<EthernetHeader>(0);
        if (eth.IsNull) return XdpAction.Pass;
        var etherType = eth.Value.EtherType;
        byte protocol;
        if (etherType == EtherTypes.Ipv4)
        {
            var ip = packet.GetRef<Ipv4Header>(EthernetHeader.Size);
            if (ip.IsNull) return XdpAction.Pass;
            protocol = ip.Value.Protocol;
        }
        else if (etherType == EtherTypes.Ipv6)
        {
            var ip = packet.GetRef<Ipv6Header>(EthernetHeader.Size);
            if (ip.IsNull) return XdpAction.Pass;
            protocol = ip.Value.NextHeader;
            var offset = EthernetHeader.Size + Ipv6Header.Size;
            for (var i = 0; i < MaxExtensionHeaders; i++)
            {
                if (protocol == IpProtocols.Ipv6Fragment)
                {
                    var fragment = packet.GetRef<Ipv6FragmentHeader>(offset);
                    if (fragment.IsNull) break;
                    protocol = fragment.Value.NextHeader;
                    offset += Ipv6FragmentHeader.Size;
                }
                else if (protocol == IpProtocols.Ipv6HopByHop || protocol == IpProtocols.Ipv6Routing || protocol == IpProtocols.Ipv6DestinationOptions)
                {
                    var extension = packet.GetRef<Ipv6ExtensionHeader>(offset);
                    if (extension.IsNull) break;
                    protocol = extension.Value.NextHeader;
                    offset += extension.Value.HeaderLength;
                }
                else break;
            }
        }
        else return XdpAction.Pass;

        var slot = Packets.Lookup(protocol);
        if (slot.HasValue) slot.Value++;
        return XdpAction.Pass;
    }
}
