namespace SharpBpfApp.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The kernel side: an XDP program that counts the IPv4 packets arriving on an interface by IP protocol, and lets
/// every packet pass. The build compiles this class to eBPF (the generated <c>ObjectBytes</c>) and writes the typed
/// bindings <c>Load()</c> returns.</summary>
[BpfObject(License = "GPL")]
public static partial class PacketCounter
{
    /// <summary>IPv4 packets seen, indexed by IP protocol number (6 TCP, 17 UDP, 1 ICMP).</summary>
    public static readonly ArrayMap<ulong> PacketsByProtocol = new(maxEntries: 256);

    /// <summary>Counts one packet; always returns <see cref="XdpAction.Pass"/>.</summary>
    [Xdp]
    public static XdpAction Count(XdpMd context)
    {
        var packet = context.Packet;
        // The verifier accepts a header read only after a bounds check: GetRef does it and returns null when the packet
        // is too short.
        var ethernet = packet.GetRef<EthernetHeader>(0);
        if (ethernet.IsNull || ethernet.Value.EtherType != EtherTypes.Ipv4) return XdpAction.Pass;
        var ip = packet.GetRef<Ipv4Header>(EthernetHeader.Size);
        if (ip.IsNull) return XdpAction.Pass;
        var packets = PacketsByProtocol.Lookup(ip.Value.Protocol);
        if (packets.HasValue) Atomic.Add(ref packets.Value, 1);
        return XdpAction.Pass;
    }
}
