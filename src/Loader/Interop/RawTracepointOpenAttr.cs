using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_RAW_TRACEPOINT_OPEN</c> member (<c>raw_tracepoint</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct RawTracepointOpenAttr
{
    /// <summary><c>name</c>: pointer to the NUL-terminated tracepoint name; 0 for BTF-attached (<c>tp_btf</c>) programs.</summary>
    [FieldOffset(0)] public ulong Name;
    /// <summary><c>prog_fd</c>.</summary>
    [FieldOffset(8)] public uint ProgramFd;
    /// <summary><c>cookie</c> (Linux 6.10): what <c>bpf_get_attach_cookie</c> returns; must be 0 on older kernels.</summary>
    [FieldOffset(16)] public ulong Cookie;
}
