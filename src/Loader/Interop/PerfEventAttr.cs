using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary><c>struct perf_event_attr</c> (linux/perf_event.h) up to <c>config3</c> (PERF_ATTR_SIZE_VER8, 136 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 136)]
internal struct PerfEventAttr
{
    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Size;
    [FieldOffset(8)] public ulong Config;
    /// <summary>Also <c>sample_freq</c> when <see cref="PerfEventFlags.Frequency"/> is set.</summary>
    [FieldOffset(16)] public ulong SamplePeriod;
    [FieldOffset(24)] public ulong SampleType;
    [FieldOffset(32)] public ulong ReadFormat;
    [FieldOffset(40)] public PerfEventFlags Flags;
    /// <summary>Also <c>wakeup_watermark</c> (bytes) when <see cref="PerfEventFlags.Watermark"/> is set.</summary>
    [FieldOffset(48)] public uint WakeupEvents;
    [FieldOffset(52)] public uint BreakpointType;
    /// <summary>Also <c>kprobe_func</c> / <c>uprobe_path</c> (a pointer to a NUL-terminated string).</summary>
    [FieldOffset(56)] public ulong Config1;
    /// <summary>Also <c>kprobe_addr</c> / <c>probe_offset</c>.</summary>
    [FieldOffset(64)] public ulong Config2;
    [FieldOffset(72)] public ulong BranchSampleType;
    [FieldOffset(80)] public ulong SampleRegsUser;
    [FieldOffset(88)] public uint SampleStackUser;
    [FieldOffset(92)] public int ClockId;
    [FieldOffset(96)] public ulong SampleRegsIntr;
    [FieldOffset(104)] public uint AuxWatermark;
    [FieldOffset(108)] public ushort SampleMaxStack;
    [FieldOffset(112)] public uint AuxSampleSize;
    [FieldOffset(120)] public ulong SigData;
    [FieldOffset(128)] public ulong Config3;

    public const uint TypeHardware = 0, TypeSoftware = 1, TypeTracepoint = 2;
    /// <summary>PERF_COUNT_SW_CPU_CLOCK and PERF_COUNT_SW_BPF_OUTPUT, the software events BPF uses.</summary>
    public const ulong SoftwareCpuClock = 0, SoftwareBpfOutput = 10;
    /// <summary>PERF_SAMPLE_RAW: records carry the raw bytes a BPF program output.</summary>
    public const ulong SampleRaw = 1 << 10;
}

/// <summary>The bit-field word of <c>perf_event_attr</c> at offset 40.</summary>
[Flags]
internal enum PerfEventFlags : ulong
{
    None = 0,
    Disabled = 1 << 0,
    Inherit = 1 << 1,
    ExcludeUser = 1 << 4,
    ExcludeKernel = 1 << 5,
    ExcludeHypervisor = 1 << 6,
    Frequency = 1 << 10,
    /// <summary>Wake the reader after <c>wakeup_watermark</c> bytes instead of after <c>wakeup_events</c> records.</summary>
    Watermark = 1 << 14,
}
