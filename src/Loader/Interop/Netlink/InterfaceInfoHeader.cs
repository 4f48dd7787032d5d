using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>struct ifinfomsg (linux/rtnetlink.h): the family header of link messages.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct InterfaceInfoHeader
{
    [FieldOffset(0)] public byte Family;
    [FieldOffset(2)] public ushort Type;
    [FieldOffset(4)] public int Index;
    [FieldOffset(8)] public uint Flags;
    [FieldOffset(12)] public uint Change;
}
