using System.Globalization;

namespace Sharp.Bpf.Samples.TcPortFirewall;

/// <summary>Parses port lists as the command line and the commands take them: "53", "53,8080", "53, 8080".</summary>
public static class PortList
{
    /// <summary>Parses <paramref name="text"/> into ports 1–65535.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when an item is not such a port or the list is empty.</returns>
    public static bool TryParse(string text, out ushort[] ports, out string error)
    {
        var parsed = new List<ushort>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ushort.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port == 0)
            {
                ports = [];
                error = $"'{item}' is not a port (1-65535)";
                return false;
            }
            parsed.Add(port);
        }
        ports = [.. parsed.Distinct()];
        error = ports.Length == 0 ? "no port given" : "";
        return ports.Length > 0;
    }
}
