using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_LINK_UPDATE</c> member (<c>link_update</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct LinkUpdateAttr
{
    /// <summary>The link to update.</summary>
    [FieldOffset(0)] public uint LinkFd;
    /// <summary>The program to attach instead.</summary>
    [FieldOffset(4)] public uint NewProgramFd;
    /// <summary><c>BPF_F_REPLACE</c> (4) to make the update conditional on <see cref="OldProgramFd"/>.</summary>
    [FieldOffset(8)] public uint Flags;
    /// <summary>With <c>BPF_F_REPLACE</c>: the program that must be attached now.</summary>
    [FieldOffset(12)] public uint OldProgramFd;

    /// <summary><c>BPF_F_REPLACE</c>.</summary>
    public const uint ReplaceFlag = 4;
}
