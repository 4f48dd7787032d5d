using System.Text;
using Sharp.Bpf.RingBuf;
using Sharp.Bpf.Samples.ExecSnoop.Kernel;

namespace Sharp.Bpf.Samples.ExecSnoop;

/// <summary>exec-snoop: loads <see cref="ExecSnoopProbe"/>, attaches its programs to <c>sched:sched_process_fork</c> and
/// <c>sched:sched_process_exec</c>, and prints a line per exec until the duration ends or the run is cancelled.</summary>
/// <param name="clock">The clock of the printed times and of the duration.</param>
public sealed class ExecSnoopApp(TimeProvider clock)
{
    /// <summary>How long one wait for events lasts, so cancellation and the end of the duration are noticed promptly.</summary>
    static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(200);

    /// <summary>An app on the system clock.</summary>
    public ExecSnoopApp() : this(TimeProvider.System)
    {
    }

    /// <summary>Traces execs as <paramref name="options"/> say, writing the header, the exec lines and any error to
    /// <paramref name="output"/>. Detaches and closes everything before returning, on every path.</summary>
    /// <remarks>Minimum kernel: 5.8 (ring buffer). Needs root (CAP_BPF and CAP_PERFMON).</remarks>
    /// <returns>0 when tracing ended by the duration or cancellation; 1 when the probe could not be loaded or attached.</returns>
    public Task<int> RunAsync(ExecSnoopOptions options, TextWriter output, CancellationToken cancellationToken) =>
        Task.Run(() => Run(options, output, cancellationToken), CancellationToken.None);

    int Run(ExecSnoopOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            output.WriteLine("exec-snoop: needs root (CAP_BPF and CAP_PERFMON) to load and attach eBPF programs");
            return 1;
        }
        try
        {
            using var probe = ExecSnoopProbe.Load(configure => configure.Filter = Filter(options.Comm));
            using var fork = probe.OnFork.Attach();
            using var exec = probe.OnExec.Attach();
            using var reader = probe.OpenEventsReader();
            output.WriteLine(ExecLine.Header);
            Trace(reader, probe.Parents, options.Duration, output, cancellationToken);
            ulong lost = probe.Drops.Lookup(0).Aggregate(0UL, (sum, perCpu) => sum + perCpu);
            if (lost > 0) output.WriteLine($"exec-snoop: {lost} events lost (the ring buffer was full)");
            return 0;
        }
        catch (Exception error) when (error is BpfException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"exec-snoop: {error.Message}");
            return 1;
        }
    }

    void Trace(RingBufferReader reader, LruHashMap<int, int> parents, TimeSpan? duration, TextWriter output, CancellationToken cancellationToken)
    {
        var end = duration is { } length ? clock.GetUtcNow() + length : DateTimeOffset.MaxValue;
        // The kernel may run the child's exec before the parent's fork tracepoint has stored the parent, so a parent missing
        // from the event is looked up again now; a process forked before the probe was attached has only /proc.
        int? Parent(in ExecEvent exec) =>
            exec.ParentPid != 0 ? exec.ParentPid
            : parents.TryLookup(exec.Pid, out var parent) ? parent
            : ParentProcess.TryRead(exec.Pid);
        void Print(ExecEvent exec) => output.WriteLine(ExecLine.Format(clock.GetLocalNow(), in exec, Parent(in exec)));
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = end - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero) break;
            try
            {
                reader.Poll<ExecEvent>(Print, remaining < PollSlice ? remaining : PollSlice, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // Execs that happened before the end but were not yet read.
        reader.Consume<ExecEvent>(Print);
    }

    /// <summary>The kernel-side filter for <paramref name="comm"/>: its first 15 UTF-8 bytes, as the kernel stores task names.</summary>
    internal static CommFilter Filter(string? comm)
    {
        var filter = new CommFilter();
        if (string.IsNullOrEmpty(comm)) return filter;
        var bytes = Encoding.UTF8.GetBytes(comm);
        bytes.AsSpan(0, Math.Min(bytes.Length, Sharp.Bpf.Kernel.TaskComm.Length - 1)).CopyTo(filter.Comm);
        filter.Enabled = 1;
        return filter;
    }
}
