using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>An Ethernet II header (<c>struct ethhdr</c>, 14 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthernetHeader
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 14;

    /// <summary><c>h_dest</c> (offset 0).</summary>
    public MacAddress Destination;
    /// <summary><c>h_source</c> (offset 6).</summary>
    public MacAddress Source;
    /// <summary><c>h_proto</c> (offset 12), network order.</summary>
    public ushort EtherTypeNetworkOrder;

    /// <summary>The EtherType (<see cref="EtherTypes"/>), host order: a 16-bit load and <c>be16</c>.</summary>
    public ushort EtherType
    {
        readonly get => NetworkOrder.Swap(EtherTypeNetworkOrder);
        set => EtherTypeNetworkOrder = NetworkOrder.Swap(value);
    }
}
