using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_MAP_*_BATCH</c> member (<c>batch</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct MapBatchAttr
{
    /// <summary>Where a lookup resumes: the previous call's <see cref="OutBatch"/>, or 0 to start at the beginning.</summary>
    [FieldOffset(0)] public ulong InBatch;
    /// <summary>Written by the kernel for lookups: where the next call resumes.</summary>
    [FieldOffset(8)] public ulong OutBatch;
    [FieldOffset(16)] public ulong Keys;
    [FieldOffset(24)] public ulong Values;
    /// <summary>In: how many elements the buffers hold; out: how many the kernel processed.</summary>
    [FieldOffset(32)] public uint Count;
    [FieldOffset(36)] public uint MapFd;
    /// <summary>Per-element flags (<c>BPF_F_LOCK</c>, or <c>BPF_NOEXIST</c>/<c>BPF_EXIST</c> for updates).</summary>
    [FieldOffset(40)] public ulong ElementFlags;
    [FieldOffset(48)] public ulong Flags;
}
