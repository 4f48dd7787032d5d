// trace.cs: bpftrace's `tracepoint:sched:sched_process_exec { @[comm] = count(); }` as one C# file, kernel side and user
// side. Run it with `sudo dotnet run trace.cs` (a .NET 10 file-based app): the build compiles ExecCounter below to eBPF,
// the top-level code loads it, attaches it, and on Ctrl+C (or after --duration seconds) prints how many times each
// program was executed.
using System.Runtime.InteropServices;
using Sharp.Bpf.Kernel;

var duration = Timeout.InfiniteTimeSpan;
if (args is ["--duration" or "-d", var seconds] && int.TryParse(seconds, out var s) && s > 0)
    duration = TimeSpan.FromSeconds(s);
else if (args.Length > 0)
{
    Console.Error.WriteLine("usage: sudo dotnet run trace.cs [-- --duration SECONDS]");
    return 2;
}
if (!Environment.IsPrivilegedProcess)
{
    Console.Error.WriteLine("trace.cs: loading eBPF programs needs root (CAP_BPF and CAP_PERFMON): run it with sudo");
    return 1;
}

using var stop = new CancellationTokenSource(duration);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, e => { e.Cancel = true; stop.Cancel(); });

using var loaded = ExecCounter.Load();
using (loaded.OnExec.Attach())
{
    Console.WriteLine("Attaching 1 probe... Hit Ctrl-C to end.");
    stop.Token.WaitHandle.WaitOne();
}

Console.WriteLine();
foreach (var (comm, count) in loaded.Execs.Keys.Select(comm => (comm, loaded.Execs.Lookup(comm))).OrderBy(entry => entry.Item2))
    Console.WriteLine($"@execs[{comm}]: {count}");
return 0;

/// <summary>The kernel side: counts program executions by the new program's name (the task's comm after exec).</summary>
[BpfObject(License = "GPL")]
static partial class ExecCounter
{
    /// <summary>Executions per program name.</summary>
    public static readonly HashMap<TaskComm, ulong> Execs = new(maxEntries: 10_240);

    /// <summary>Runs after every successful exec, in the task that now runs the new program.</summary>
    [Tracepoint("sched", "sched_process_exec")]
    public static int OnExec()
    {
        Bpf.GetCurrentComm(out var comm);
        var count = Execs.Lookup(in comm);
        if (count.HasValue)
            Atomic.Add(ref count.Value, 1);
        // NoExist fails when another CPU inserted the name first: then count on its entry.
        else if (Execs.Update(in comm, 1, UpdateFlags.NoExist) != 0)
        {
            count = Execs.Lookup(in comm);
            if (count.HasValue) Atomic.Add(ref count.Value, 1);
        }
        return 0;
    }
}
