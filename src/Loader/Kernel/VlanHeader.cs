using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The 4 bytes an 802.1Q (or 802.1ad) tag adds after the Ethernet header whose EtherType is
/// <see cref="EtherTypes.Vlan"/> or <see cref="EtherTypes.QinQ"/> (<c>struct vlan_hdr</c>).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct VlanHeader
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 4;

    /// <summary><c>h_vlan_TCI</c> (offset 0), network order: priority (3 bits), drop eligible (1), VLAN id (12).</summary>
    public ushort TciNetworkOrder;
    /// <summary><c>h_vlan_encapsulated_proto</c> (offset 2), network order.</summary>
    public ushort EncapsulatedEtherTypeNetworkOrder;

    /// <summary>The tag control information, host order.</summary>
    public ushort Tci
    {
        readonly get => NetworkOrder.Swap(TciNetworkOrder);
        set => TciNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The VLAN id (low 12 bits of the TCI).</summary>
    public readonly ushort VlanId => (ushort)(Tci & 0x0FFF);

    /// <summary>The priority code point (high 3 bits of the TCI).</summary>
    public readonly byte Priority => (byte)(Tci >> 13);

    /// <summary>The EtherType of what follows the tag, host order.</summary>
    public ushort EncapsulatedEtherType
    {
        readonly get => NetworkOrder.Swap(EncapsulatedEtherTypeNetworkOrder);
        set => EncapsulatedEtherTypeNetworkOrder = NetworkOrder.Swap(value);
    }
}
