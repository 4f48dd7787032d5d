using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_PROG_QUERY</c> member (<c>query</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal struct ProgramQueryAttr
{
    /// <summary><c>target_fd</c> (cgroup) or <c>target_ifindex</c> (TCX, netkit).</summary>
    [FieldOffset(0)] public uint Target;
    [FieldOffset(4)] public uint AttachType;
    [FieldOffset(8)] public uint QueryFlags;
    /// <summary>Out: the hook's attach flags (cgroups).</summary>
    [FieldOffset(12)] public uint AttachFlags;
    /// <summary>Pointer to a u32 array for the attached programs' ids, or 0 to learn only the count.</summary>
    [FieldOffset(16)] public ulong ProgramIds;
    /// <summary>In: the capacity of the id arrays; out: the number of attached programs.</summary>
    [FieldOffset(24)] public uint Count;
    [FieldOffset(32)] public ulong ProgramAttachFlags;
    /// <summary>Pointer to a u32 array for the links' ids (0 where a program is attached without a link), or 0.</summary>
    [FieldOffset(40)] public ulong LinkIds;
    [FieldOffset(48)] public ulong LinkAttachFlags;
    /// <summary>Out: the hook's revision (TCX, Linux 6.6).</summary>
    [FieldOffset(56)] public ulong Revision;
}
