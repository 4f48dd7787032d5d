namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary>Names of DNS record types and response codes (IANA's DNS parameters registry).</summary>
public static class DnsRecordTypes
{
    /// <summary>The mnemonic of record type <paramref name="type"/>, e.g. "AAAA", or "TYPE99" for one without a name here.</summary>
    public static string Name(ushort type) => type switch
    {
        1 => "A",
        2 => "NS",
        5 => "CNAME",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        28 => "AAAA",
        33 => "SRV",
        35 => "NAPTR",
        43 => "DS",
        48 => "DNSKEY",
        64 => "SVCB",
        65 => "HTTPS",
        255 => "ANY",
        257 => "CAA",
        _ => $"TYPE{type}",
    };

    /// <summary>The mnemonic of response code <paramref name="code"/>, e.g. "NXDOMAIN", or "RCODE9".</summary>
    public static string ResponseCode(int code) => code switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => $"RCODE{code}",
    };
}
