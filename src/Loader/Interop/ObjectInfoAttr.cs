using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_OBJ_GET_INFO_BY_FD</c> member (<c>info</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct ObjectInfoAttr
{
    [FieldOffset(0)] public uint BpfFd;
    /// <summary>In: the size of the info buffer; out: the bytes the kernel filled (at most its own struct size).</summary>
    [FieldOffset(4)] public uint InfoLength;
    /// <summary>Pointer to the info struct (<c>bpf_prog_info</c>, <c>bpf_map_info</c>, ...).</summary>
    [FieldOffset(8)] public ulong Info;
}
