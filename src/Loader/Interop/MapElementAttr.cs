using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_MAP_*_ELEM</c> member of union bpf_attr (linux/bpf.h): pointers travel as 64-bit integers.</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct MapElementAttr
{
    [FieldOffset(0)] public uint MapFd;
    [FieldOffset(8)] public ulong Key;
    /// <summary>The value pointer; <c>next_key</c> for <c>BPF_MAP_GET_NEXT_KEY</c>.</summary>
    [FieldOffset(16)] public ulong Value;
    [FieldOffset(24)] public ulong Flags;
}
