using System.Globalization;

namespace Sharp.Bpf;

/// <summary>Reads the capabilities the process holds.</summary>
internal static class ProcessCapabilities
{
    /// <summary>The effective set from <c>/proc/self/status</c> (<c>CapEff</c>), or null when it cannot be read.</summary>
    public static Capabilities? Effective()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                    return (Capabilities)ulong.Parse(line.AsSpan("CapEff:".Length).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        return null;
    }
}
