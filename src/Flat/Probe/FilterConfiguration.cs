using System.Net;
using Sharp.Bpf.Flat.Kernel;

namespace Sharp.Bpf.Flat.Probe;

/// <summary>Builds the probe's <see cref="FlatProbe.Filter"/> from the command line's <c>--ip</c> and <c>--port</c>.</summary>
internal static class FilterConfiguration
{
    /// <summary>The filter matching flows with <paramref name="address"/> (if given) and <paramref name="port"/> (if given)
    /// at either end. IPv4 addresses are stored IPv4-mapped, as the probe keys flows.</summary>
    public static FlowFilter Create(IPAddress? address, ushort? port)
    {
        var filter = new FlowFilter { Port = port ?? 0 };
        if (address is not null)
        {
            var mapped = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address;
            mapped.TryWriteBytes(filter.Address, out _);
            filter.MatchAddress = 1;
        }
        return filter;
    }
}
