using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_BTF_LOAD</c> member of union bpf_attr (linux/bpf.h), up to <c>btf_log_true_size</c> (Linux 6.4);
/// the kernel zero-fills fields past the size we pass.</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct BtfLoadAttr
{
    [FieldOffset(0)] public ulong Btf;
    [FieldOffset(8)] public ulong LogBuffer;
    [FieldOffset(16)] public uint BtfSize;
    [FieldOffset(20)] public uint LogSize;
    [FieldOffset(24)] public uint LogLevel;
    /// <summary>Written by the kernel (6.4+): the log size the whole log would need.</summary>
    [FieldOffset(28)] public uint LogTrueSize;
}
