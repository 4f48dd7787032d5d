using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The 8 bytes every tracepoint record starts with (the <c>common_*</c> fields of a tracepoint's <c>format</c>
/// file). Declare a tracepoint's record as a struct whose first field is this, followed by the fields at the offsets the
/// format file gives; the program reads them with context loads at those offsets.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TracepointCommonFields
{
    /// <summary><c>common_type</c> (offset 0): the event's id.</summary>
    public ushort Type;
    /// <summary><c>common_flags</c> (offset 2).</summary>
    public byte Flags;
    /// <summary><c>common_preempt_count</c> (offset 3).</summary>
    public byte PreemptCount;
    /// <summary><c>common_pid</c> (offset 4): the thread that hit the tracepoint.</summary>
    public int Pid;
}
