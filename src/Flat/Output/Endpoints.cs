using System.Net;
using System.Net.Sockets;

namespace Sharp.Bpf.Flat.Output;

/// <summary>How flat writes an address and port.</summary>
internal static class Endpoints
{
    /// <summary><c>10.0.0.1:443</c>, or <c>[2001:db8::1]:443</c> for IPv6.</summary>
    public static string Format(IPAddress address, ushort port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
