using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>An IPv4 header without options (<c>struct iphdr</c>, 20 bytes). Options follow it when
/// <see cref="HeaderLength"/> is more than 20: step past the header by <see cref="HeaderLength"/>, not by the size.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Ipv4Header
{
    /// <summary>The header's size in bytes without options.</summary>
    public const int Size = 20;

    /// <summary>Version (high nibble) and IHL (low nibble, header length in 32-bit words), offset 0.</summary>
    public byte VersionAndIhl;
    /// <summary>DSCP (high 6 bits) and ECN (low 2 bits), offset 1.</summary>
    public byte TypeOfService;
    /// <summary><c>tot_len</c> (offset 2), network order.</summary>
    public ushort TotalLengthNetworkOrder;
    /// <summary><c>id</c> (offset 4), network order.</summary>
    public ushort IdentificationNetworkOrder;
    /// <summary><c>frag_off</c> (offset 6), network order: flags (3 bits) and fragment offset in 8-byte units (13 bits).</summary>
    public ushort FragmentNetworkOrder;
    /// <summary><c>ttl</c> (offset 8).</summary>
    public byte Ttl;
    /// <summary><c>protocol</c> (offset 9): what follows (<see cref="IpProtocols"/>).</summary>
    public byte Protocol;
    /// <summary><c>check</c> (offset 10), network order.</summary>
    public ushort ChecksumNetworkOrder;
    /// <summary><c>saddr</c> (offset 12), network order.</summary>
    public uint SourceAddressNetworkOrder;
    /// <summary><c>daddr</c> (offset 16), network order.</summary>
    public uint DestinationAddressNetworkOrder;

    /// <summary>The IP version (4 for a valid header).</summary>
    public readonly byte Version => (byte)(VersionAndIhl >> 4);

    /// <summary>The header length in 32-bit words (5 without options).</summary>
    public readonly byte Ihl => (byte)(VersionAndIhl & 0x0F);

    /// <summary>The header length in bytes, options included: <c>(ihl &amp; 0xF) * 4</c>, a value the verifier knows lies
    /// in 0–60 — the offset of the transport header.</summary>
    public readonly int HeaderLength => (VersionAndIhl & 0x0F) * 4;

    /// <summary>The datagram's length in bytes, header included, host order.</summary>
    public ushort TotalLength
    {
        readonly get => NetworkOrder.Swap(TotalLengthNetworkOrder);
        set => TotalLengthNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The identification, host order.</summary>
    public ushort Identification
    {
        readonly get => NetworkOrder.Swap(IdentificationNetworkOrder);
        set => IdentificationNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The Don't Fragment flag.</summary>
    public readonly bool DontFragment => (NetworkOrder.Swap(FragmentNetworkOrder) & 0x4000) != 0;

    /// <summary>The More Fragments flag.</summary>
    public readonly bool MoreFragments => (NetworkOrder.Swap(FragmentNetworkOrder) & 0x2000) != 0;

    /// <summary>The fragment's offset in bytes.</summary>
    public readonly int FragmentOffset => (NetworkOrder.Swap(FragmentNetworkOrder) & 0x1FFF) * 8;

    /// <summary>True for any fragment (MF set or a non-zero offset): only the first carries the transport header.</summary>
    public readonly bool IsFragment => (NetworkOrder.Swap(FragmentNetworkOrder) & 0x3FFF) != 0;

    /// <summary>The header checksum, host order.</summary>
    public ushort Checksum
    {
        readonly get => NetworkOrder.Swap(ChecksumNetworkOrder);
        set => ChecksumNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The source address as a host-order number (10.0.0.1 is 0x0A000001).</summary>
    public uint SourceAddress
    {
        readonly get => NetworkOrder.Swap(SourceAddressNetworkOrder);
        set => SourceAddressNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The destination address as a host-order number.</summary>
    public uint DestinationAddress
    {
        readonly get => NetworkOrder.Swap(DestinationAddressNetworkOrder);
        set => DestinationAddressNetworkOrder = NetworkOrder.Swap(value);
    }
}
