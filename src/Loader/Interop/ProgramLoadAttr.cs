using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_PROG_LOAD</c> member of union bpf_attr (linux/bpf.h), up to <c>fd_array_cnt</c>;
/// the kernel zero-fills fields past the size we pass.</summary>
[StructLayout(LayoutKind.Explicit, Size = 152)]
internal unsafe struct ProgramLoadAttr
{
    [FieldOffset(0)] public ProgramType ProgramType;
    [FieldOffset(4)] public uint InstructionCount;
    [FieldOffset(8)] public ulong Instructions;
    [FieldOffset(16)] public ulong License;
    [FieldOffset(24)] public uint LogLevel;
    [FieldOffset(28)] public uint LogSize;
    [FieldOffset(32)] public ulong LogBuffer;
    [FieldOffset(40)] public uint KernelVersion;
    [FieldOffset(44)] public uint ProgramFlags;
    [FieldOffset(48)] public fixed byte ProgramName[ObjectName.Capacity];
    [FieldOffset(64)] public uint ProgramIfIndex;
    [FieldOffset(68)] public AttachType ExpectedAttachType;
    [FieldOffset(72)] public uint ProgramBtfFd;
    [FieldOffset(76)] public uint FuncInfoRecordSize;
    [FieldOffset(80)] public ulong FuncInfo;
    [FieldOffset(88)] public uint FuncInfoCount;
    [FieldOffset(92)] public uint LineInfoRecordSize;
    [FieldOffset(96)] public ulong LineInfo;
    [FieldOffset(104)] public uint LineInfoCount;
    [FieldOffset(108)] public uint AttachBtfId;
    /// <summary><c>attach_prog_fd</c>, or <c>attach_btf_obj_fd</c> in the same union.</summary>
    [FieldOffset(112)] public uint AttachProgramFd;
    [FieldOffset(116)] public uint CoreRelocationCount;
    [FieldOffset(120)] public ulong FdArray;
    [FieldOffset(128)] public ulong CoreRelocations;
    [FieldOffset(136)] public uint CoreRelocationRecordSize;
    /// <summary>Written by the kernel (6.4+): the log size the whole log would need.</summary>
    [FieldOffset(140)] public uint LogTrueSize;
    [FieldOffset(144)] public int ProgramTokenFd;
    [FieldOffset(148)] public uint FdArrayCount;
}
