using System.Runtime.InteropServices;

namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The record of the <c>sched:sched_process_fork</c> tracepoint, laid out as
/// <c>/sys/kernel/tracing/events/sched/sched_process_fork/format</c> gives it (the names are <c>__data_loc</c> strings this
/// sample does not read).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SchedProcessForkRecord
{
    /// <summary>The common fields (offset 0).</summary>
    public TracepointCommonFields Common;
    /// <summary><c>__data_loc char[] parent_comm</c> (offset 8).</summary>
    public uint ParentCommLocation;
    /// <summary><c>parent_pid</c> (offset 12): the forking thread's id (not its process id).</summary>
    public int ParentPid;
    /// <summary><c>__data_loc char[] child_comm</c> (offset 16).</summary>
    public uint ChildCommLocation;
    /// <summary><c>child_pid</c> (offset 20): the new task's id.</summary>
    public int ChildPid;
}
