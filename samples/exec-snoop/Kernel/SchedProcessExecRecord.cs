using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The record of the <c>sched:sched_process_exec</c> tracepoint, laid out as
/// <c>/sys/kernel/tracing/events/sched/sched_process_exec/format</c> gives it (20 bytes, then the filename's bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SchedProcessExecRecord
{
    /// <summary>The common fields (offset 0).</summary>
    public TracepointCommonFields Common;
    /// <summary><c>__data_loc char[] filename</c> (offset 8): the low 16 bits are the offset of the NUL-terminated path from the
    /// start of the record, the high 16 bits its length including the NUL.</summary>
    public uint FilenameLocation;
    /// <summary><c>pid</c> (offset 12): the process that executed the file.</summary>
    public int Pid;
    /// <summary><c>old_pid</c> (offset 16): the thread that called execve (differs from <see cref="Pid"/> when a thread other
    /// than the leader called it).</summary>
    public int OldPid;
}
