namespace Sharp.Bpf.Kernel;

/// <summary>EtherType values in host order (compare with <see cref="EthernetHeader.EtherType"/>).</summary>
public static class EtherTypes
{
    /// <summary>0x0800: IPv4.</summary>
    public const ushort Ipv4 = 0x0800;
    /// <summary>0x0806: ARP.</summary>
    public const ushort Arp = 0x0806;
    /// <summary>0x8100: an 802.1Q VLAN tag follows.</summary>
    public const ushort Vlan = 0x8100;
    /// <summary>0x88A8: an 802.1ad (QinQ) service tag follows.</summary>
    public const ushort QinQ = 0x88A8;
    /// <summary>0x86DD: IPv6.</summary>
    public const ushort Ipv6 = 0x86DD;
}
