using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The member of union bpf_attr shared by the <c>*_GET_NEXT_ID</c> and <c>*_GET_FD_BY_ID</c> commands (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 12)]
internal struct ObjectIdAttr
{
    /// <summary><c>start_id</c> for a next-id walk; <c>prog_id</c>/<c>map_id</c>/<c>btf_id</c>/<c>link_id</c> to open by id.</summary>
    [FieldOffset(0)] public uint Id;
    /// <summary>Written by the kernel for a next-id walk: the next id above <see cref="Id"/>.</summary>
    [FieldOffset(4)] public uint NextId;
    /// <summary>For maps opened by id: <c>BPF_F_RDONLY</c>/<c>BPF_F_WRONLY</c>, or 0.</summary>
    [FieldOffset(8)] public uint OpenFlags;
}
