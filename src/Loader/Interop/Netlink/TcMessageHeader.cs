using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>struct tcmsg (linux/rtnetlink.h): the family header of qdisc and filter messages.</summary>
[StructLayout(LayoutKind.Explicit, Size = 20)]
internal struct TcMessageHeader
{
    [FieldOffset(0)] public byte Family;
    [FieldOffset(4)] public int InterfaceIndex;
    /// <summary><c>tcm_handle</c>: the qdisc's handle, or the filter's handle within its priority.</summary>
    [FieldOffset(8)] public uint Handle;
    /// <summary><c>tcm_parent</c>: where the qdisc or filter hangs.</summary>
    [FieldOffset(12)] public uint Parent;
    /// <summary><c>tcm_info</c>: for filters, priority in the high 16 bits and protocol (network order) in the low 16.</summary>
    [FieldOffset(16)] public uint Info;
}
