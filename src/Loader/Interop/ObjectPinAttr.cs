using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_OBJ_PIN</c>/<c>BPF_OBJ_GET</c> member of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct ObjectPinAttr
{
    /// <summary>Pointer to the NUL-terminated bpffs path.</summary>
    [FieldOffset(0)] public ulong PathName;
    /// <summary>For a pin: the descriptor to pin; 0 for a get.</summary>
    [FieldOffset(8)] public uint BpfFd;
    /// <summary>For a get: <c>BPF_F_RDONLY</c>/<c>BPF_F_WRONLY</c>, or 0 for read-write.</summary>
    [FieldOffset(12)] public uint FileFlags;
    /// <summary>Directory fd for a relative path with <c>BPF_F_PATH_FD</c> (Linux 6.5); unused here.</summary>
    [FieldOffset(16)] public int PathFd;
}
