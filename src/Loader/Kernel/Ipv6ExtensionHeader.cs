using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The first two bytes every IPv6 extension header of the generic shape shares — hop-by-hop options, routing and
/// destination options (<c>struct ipv6_opt_hdr</c>): enough to find what follows and how far it is.</summary>
/// <remarks>The fragment header (<see cref="Ipv6FragmentHeader"/>) is always 8 bytes, and the authentication header counts
/// its length in 4-byte units ((length + 2) * 4): see <see cref="IpProtocols.AuthenticationHeader"/>.</remarks>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Ipv6ExtensionHeader
{
    /// <summary>The size of these two bytes.</summary>
    public const int Size = 2;

    /// <summary><c>nexthdr</c> (offset 0): what follows this header.</summary>
    public byte NextHeader;
    /// <summary><c>hdrlen</c> (offset 1): the header's length in 8-byte units, not counting the first 8 bytes.</summary>
    public byte LengthUnits;

    /// <summary>The whole extension header's length in bytes: <c>(hdrlen + 1) * 8</c>, at most 2048.</summary>
    public readonly int HeaderLength => (LengthUnits + 1) * 8;
}
