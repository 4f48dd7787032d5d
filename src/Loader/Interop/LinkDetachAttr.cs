using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_LINK_DETACH</c> member (<c>link_detach</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 4)]
internal struct LinkDetachAttr
{
    /// <summary>The link to detach.</summary>
    [FieldOffset(0)] public uint LinkFd;
}
