using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The head of struct bpf_link_info (linux/bpf.h) that <c>BPF_OBJ_GET_INFO_BY_FD</c> fills for a link, with the
/// members of its per-type union that Sharp.Bpf reads. Sized to hold the whole union of Linux 6.18 with room to spare;
/// the kernel copies at most its own size and requires unknown tail bytes to be zero.</summary>
[StructLayout(LayoutKind.Explicit, Size = 96)]
internal struct LinkInfoStruct
{
    /// <summary>enum bpf_link_type.</summary>
    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Id;
    [FieldOffset(8)] public uint ProgramId;
    /// <summary><c>xdp.ifindex</c>, <c>tcx.ifindex</c>, <c>netkit.ifindex</c> (the union is 8-aligned, so it starts at 16).</summary>
    [FieldOffset(16)] public uint InterfaceIndex;
    /// <summary><c>tcx.attach_type</c>, <c>netkit.attach_type</c>.</summary>
    [FieldOffset(20)] public uint NetworkAttachType;
}
