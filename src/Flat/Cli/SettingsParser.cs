using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Flat.Cli;

/// <summary>Turns the raw option values into <see cref="FlatSettings"/>, with a message that says what is wrong and what is
/// expected for each value that is not valid.</summary>
internal static class SettingsParser
{
    static readonly Dictionary<string, TcAttachMethod> AttachMethods = new(StringComparer.Ordinal)
    {
        ["auto"] = TcAttachMethod.Auto,
        ["tcx"] = TcAttachMethod.Tcx,
        ["netlink"] = TcAttachMethod.Netlink,
    };

    /// <summary>Validates every raw value.</summary>
    /// <returns>False with <paramref name="error"/> set (one line, naming the option) when a value is invalid.</returns>
    public static bool TryParse(string? interfaceName, string? ip, string? port, bool json, bool summary, string? duration,
        string? otlp, string? prometheus, string? attach,
        [NotNullWhen(true)] out FlatSettings? settings, [NotNullWhen(false)] out string? error)
    {
        settings = null;
        if (interfaceName is { Length: 0 or > 15 } || interfaceName is not null && interfaceName.AsSpan().ContainsAny('/', ' ', ':'))
        {
            error = $"--interface: '{interfaceName}' is not an interface name (1 to 15 characters, no '/', ':' or spaces)";
            return false;
        }
        IPAddress? address = null;
        // IPAddress.TryParse also takes legacy forms ("10.1" is 10.0.0.1); flat takes only dotted quads and IPv6 text.
        if (ip is not null && (!IPAddress.TryParse(ip, out address) || !ip.Contains(':') && ip.Count(c => c == '.') != 3))
        {
            error = $"--ip: '{ip}' is not an IPv4 or IPv6 address";
            return false;
        }
        ushort? portNumber = null;
        if (port is not null)
        {
            if (!ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed == 0)
            {
                error = $"--port: '{port}' is not a port number (1 to 65535)";
                return false;
            }
            portNumber = parsed;
        }
        TimeSpan? length = null;
        if (duration is not null)
        {
            if (!DurationParser.TryParse(duration, out var parsed))
            {
                error = $"--duration: '{duration}' is not a positive duration (seconds, or a number with ms, s, m or h, e.g. 30s)";
                return false;
            }
            length = parsed;
        }
        Uri? otlpEndpoint = null;
        if (otlp is not null && (!Uri.TryCreate(otlp, UriKind.Absolute, out otlpEndpoint) || otlpEndpoint.Scheme is not ("http" or "https")))
        {
            error = $"--otlp: '{otlp}' is not an http:// or https:// endpoint (e.g. http://collector:4317)";
            return false;
        }
        ushort? prometheusPort = null;
        if (prometheus is not null)
        {
            if (!ushort.TryParse(prometheus, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed == 0)
            {
                error = $"--prometheus: '{prometheus}' is not a port number (1 to 65535)";
                return false;
            }
            prometheusPort = parsed;
        }
        var attachMethod = TcAttachMethod.Auto;
        if (attach is not null && !AttachMethods.TryGetValue(attach, out attachMethod))
        {
            error = $"--attach: '{attach}' is not one of auto, tcx, netlink";
            return false;
        }
        settings = new FlatSettings(interfaceName, address, portNumber, json, summary, length, otlpEndpoint, prometheusPort, attachMethod);
        error = null;
        return true;
    }
}
