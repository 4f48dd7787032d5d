using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary><c>struct bpf_btf_info</c> (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
internal struct BtfInfoStruct
{
    /// <summary>Pointer to a buffer for the raw BTF, or 0 to skip copying it.</summary>
    [FieldOffset(0)] public ulong Btf;
    [FieldOffset(8)] public uint BtfSize;
    [FieldOffset(12)] public uint Id;
    [FieldOffset(16)] public ulong Name;
    [FieldOffset(24)] public uint NameLength;
    /// <summary>Nonzero for the kernel's own BTF (vmlinux, modules).</summary>
    [FieldOffset(28)] public uint KernelBtf;
}
