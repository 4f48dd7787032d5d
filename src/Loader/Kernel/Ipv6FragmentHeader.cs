using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The IPv6 fragment extension header (<c>struct frag_hdr</c>, 8 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Ipv6FragmentHeader
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 8;

    /// <summary><c>nexthdr</c> (offset 0): what follows.</summary>
    public byte NextHeader;
    /// <summary><c>reserved</c> (offset 1).</summary>
    public byte Reserved;
    /// <summary><c>frag_off</c> (offset 2), network order: offset in 8-byte units (13 bits), 2 reserved bits, More Fragments.</summary>
    public ushort FragmentNetworkOrder;
    /// <summary><c>identification</c> (offset 4), network order.</summary>
    public uint IdentificationNetworkOrder;

    /// <summary>The fragment's offset in bytes (0 for the first fragment, the one with the transport header).</summary>
    public readonly int FragmentOffset => (NetworkOrder.Swap(FragmentNetworkOrder) & 0xFFF8);

    /// <summary>The More Fragments flag.</summary>
    public readonly bool MoreFragments => (NetworkOrder.Swap(FragmentNetworkOrder) & 1) != 0;
}
