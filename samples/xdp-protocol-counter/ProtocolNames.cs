namespace Sharp.Bpf.Samples.XdpProtocolCounter;

/// <summary>Short names of the IP protocol numbers one commonly sees (IANA's protocol numbers registry).</summary>
public static class ProtocolNames
{
    /// <summary>The name of protocol <paramref name="protocol"/>, e.g. "TCP", or "proto 132"-style for numbers without one.</summary>
    public static string Of(int protocol) => protocol switch
    {
        0 => "HOPOPT",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        17 => "UDP",
        41 => "IPv6",
        43 => "IPv6-Route",
        44 => "IPv6-Frag",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        58 => "ICMPv6",
        59 => "IPv6-NoNxt",
        60 => "IPv6-Opts",
        89 => "OSPF",
        103 => "PIM",
        112 => "VRRP",
        132 => "SCTP",
        136 => "UDPLite",
        _ => $"proto {protocol}",
    };
}
