namespace Sharp.Bpf.Kernel;

/// <summary>IP protocol numbers: <see cref="Ipv4Header.Protocol"/>, <see cref="Ipv6Header.NextHeader"/> and the next-header
/// fields of IPv6 extension headers.</summary>
public static class IpProtocols
{
    /// <summary>0: IPv6 hop-by-hop options (an <see cref="Ipv6ExtensionHeader"/>).</summary>
    public const byte Ipv6HopByHop = 0;
    /// <summary>1: ICMP.</summary>
    public const byte Icmp = 1;
    /// <summary>6: TCP.</summary>
    public const byte Tcp = 6;
    /// <summary>17: UDP.</summary>
    public const byte Udp = 17;
    /// <summary>43: IPv6 routing (an <see cref="Ipv6ExtensionHeader"/>).</summary>
    public const byte Ipv6Routing = 43;
    /// <summary>44: IPv6 fragment (an <see cref="Ipv6FragmentHeader"/>).</summary>
    public const byte Ipv6Fragment = 44;
    /// <summary>50: ESP (encrypted; nothing readable follows).</summary>
    public const byte Esp = 50;
    /// <summary>51: authentication header (length in 4-byte units).</summary>
    public const byte AuthenticationHeader = 51;
    /// <summary>58: ICMPv6.</summary>
    public const byte Icmpv6 = 58;
    /// <summary>59: no next header.</summary>
    public const byte Ipv6NoNextHeader = 59;
    /// <summary>60: IPv6 destination options (an <see cref="Ipv6ExtensionHeader"/>).</summary>
    public const byte Ipv6DestinationOptions = 60;
}
