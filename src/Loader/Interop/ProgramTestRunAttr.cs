using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_PROG_TEST_RUN</c> member (<c>test</c>) of union bpf_attr (linux/bpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct ProgramTestRunAttr
{
    [FieldOffset(0)] public uint ProgramFd;
    /// <summary>Written by the kernel: the program's return value.</summary>
    [FieldOffset(4)] public uint ReturnValue;
    [FieldOffset(8)] public uint DataSizeIn;
    /// <summary>In: capacity of <see cref="DataOut"/>; out: bytes the kernel produced.</summary>
    [FieldOffset(12)] public uint DataSizeOut;
    [FieldOffset(16)] public ulong DataIn;
    [FieldOffset(24)] public ulong DataOut;
    [FieldOffset(32)] public uint Repeat;
    /// <summary>Written by the kernel: mean run time in nanoseconds.</summary>
    [FieldOffset(36)] public uint Duration;
    [FieldOffset(40)] public uint ContextSizeIn;
    [FieldOffset(44)] public uint ContextSizeOut;
    [FieldOffset(48)] public ulong ContextIn;
    [FieldOffset(56)] public ulong ContextOut;
    [FieldOffset(64)] public uint Flags;
    [FieldOffset(68)] public uint Cpu;
    [FieldOffset(72)] public uint BatchSize;
}
