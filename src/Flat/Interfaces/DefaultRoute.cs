using System.Globalization;

namespace Sharp.Bpf.Flat.Interfaces;

/// <summary>Finds the interface of the default route in the kernel's route tables as <c>/proc/net/route</c> (IPv4) and
/// <c>/proc/net/ipv6_route</c> (IPv6) print them.</summary>
internal static class DefaultRoute
{
    const uint RouteUp = 0x0001;
    const uint RouteReject = 0x0200;

    /// <summary>The interface of the IPv4 default route with the lowest metric, else of the IPv6 one, read from /proc.</summary>
    /// <returns>Null when there is no default route (or /proc/net cannot be read).</returns>
    public static string? Find() => FromIpv4Table(ReadOrEmpty("/proc/net/route")) ?? FromIpv6Table(ReadOrEmpty("/proc/net/ipv6_route"));

    /// <summary>The interface of the up, lowest-metric <c>0.0.0.0/0</c> route in the text of <c>/proc/net/route</c> (a header
    /// line, then <c>Iface Destination Gateway Flags RefCnt Use Metric Mask ...</c> in hex).</summary>
    public static string? FromIpv4Table(string table)
    {
        string? best = null;
        var bestMetric = uint.MaxValue;
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8) continue;
            if (fields[1] != "00000000" || fields[7] != "00000000") continue;
            if (!TryHex(fields[3], out var flags) || (flags & RouteUp) == 0 || (flags & RouteReject) != 0) continue;
            if (!uint.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var metric)) continue;
            if (best is null || metric < bestMetric) (best, bestMetric) = (fields[0], metric);
        }
        return best;
    }

    /// <summary>The interface of the up, lowest-metric <c>::/0</c> route in the text of <c>/proc/net/ipv6_route</c> (no
    /// header; <c>destination prefix-length source source-prefix next-hop metric refcnt use flags iface</c>, in hex). Reject
    /// routes (the kernel's unreachable defaults on <c>lo</c>) are skipped.</summary>
    public static string? FromIpv6Table(string table)
    {
        string? best = null;
        var bestMetric = uint.MaxValue;
        foreach (var line in table.Split('\n'))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10) continue;
            if (fields[0].Trim('0').Length != 0 || fields[1] != "00") continue;
            if (!TryHex(fields[8], out var flags) || (flags & RouteUp) == 0 || (flags & RouteReject) != 0) continue;
            if (!TryHex(fields[5], out var metric)) continue;
            if (best is null || metric < bestMetric) (best, bestMetric) = (fields[9], metric);
        }
        return best;
    }

    static bool TryHex(string text, out uint value) => uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
