namespace Sharp.Bpf.Samples.ExecSnoop.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>exec-snoop's kernel side: a program on <c>sched:sched_process_exec</c> that sends each exec's pid, task name and
/// path to a ring buffer, and one on <c>sched:sched_process_fork</c> that remembers each new task's parent process, so the
/// exec event carries its parent even when the process is gone before user space reads the event.</summary>
/// <remarks>Minimum kernel: 5.8 (ring buffer; <c>bpf_probe_read_kernel_str</c> 5.5). GPL: that helper is GPL-only.</remarks>
[BpfObject(License = "GPL")]
public static unsafe partial class ExecSnoopProbe
{
    /// <summary>Which execs to report; set by user space before load.</summary>
    [Configuration]
    public static CommFilter Filter;

    /// <summary>Task id → the process id of the task that forked it, written at fork (old entries are evicted when full).</summary>
    public static readonly LruHashMap<int, int> Parents = new(maxEntries: 16_384);

    /// <summary>Exec events, read by user space.</summary>
    public static readonly RingBuffer<ExecEvent> Events = new(sizeBytes: 1 << 20);

    /// <summary>Per CPU, at index 0: events lost because <see cref="Events"/> was full.</summary>
    public static readonly PerCpuArrayMap<ulong> Drops = new(maxEntries: 1);

    /// <summary>Records the parent of a new task: the tracepoint runs in the forking task, whose process id is the child's
    /// parent process (the record's <c>parent_pid</c> is the forking thread's id).</summary>
    [Tracepoint("sched", "sched_process_fork")]
    public static int OnFork(in SchedProcessForkRecord record)
    {
        var parent = (int)(Bpf.GetCurrentPidTgid() >> 32);
        Parents.Update(record.ChildPid, parent);
        return 0;
    }

    /// <summary>Sends one event per exec that passes <see cref="Filter"/>.</summary>
    [Tracepoint("sched", "sched_process_exec")]
    public static int OnExec(SchedProcessExecRecord* record)
    {
        var exec = Events.Reserve();
        if (exec.IsNull)
        {
            var drops = Drops.Lookup(0);
            if (drops.HasValue) drops.Value++;
            return 0;
        }
        // By now the task carries the new program's name.
        Bpf.GetCurrentComm(out exec.Value.Comm);
        if (Filter.Enabled != 0 && !SameComm(in exec.Value.Comm, in Filter.Comm))
        {
            exec.Discard();
            return 0;
        }
        exec.Value.Pid = record->Pid;
        exec.Value.ParentPid = Parents.TryGetValue(record->Pid, out var parent) ? parent : 0;
        exec.Value.FilenameLength = (int)(record->FilenameLocation >> 16);
        // The path lives in the record itself, at the __data_loc offset (the low 16 bits); it is copied up to its NUL, cut to
        // the buffer (bytes after the NUL are left as the ring buffer had them).
        Bpf.ProbeReadKernelStr(out exec.Value.Filename, (ulong)record + (record->FilenameLocation & 0xFFFF));
        exec.Submit();
        return 0;
    }

    static bool SameComm(in TaskComm left, in TaskComm right)
    {
        for (var i = 0; i < TaskComm.Length; i++)
        {
            if (left[i] != right[i]) return false;
            if (left[i] == 0) return true;
        }
        return true;
    }
}
