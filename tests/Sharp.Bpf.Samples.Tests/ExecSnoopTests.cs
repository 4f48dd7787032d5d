using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Sharp.Bpf.Samples.ExecSnoop;
using Sharp.Bpf.Samples.ExecSnoop.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>exec-snoop: its sched_process_exec program reports each exec's pid, task name and path (and its parent, remembered
/// at fork), and the sample prints one line per exec.</summary>
public sealed class ExecSnoopTests
{
    [Fact]
    public void Prints_each_exec_with_its_pid_parent_task_name_and_path()
    {
        Privileged.RequireRoot();
        using var programs = UniquePrograms.Create(3);
        using var run = SampleRun.Start((output, token) => new ExecSnoopApp().RunAsync(new ExecSnoopOptions(), output, token));
        run.WaitForOutput(output => output.Contains("FILENAME"), "the header");

        var started = programs.Paths.Select(path => (Path: path, Pid: programs.Start(path))).ToArray();
        run.WaitForOutput(output => started.All(program => output.Contains(program.Path)), "a line for each started program");
        Assert.Equal(0, run.Stop());

        var lines = Lines(run.Output);
        foreach (var (path, pid) in started)
        {
            var line = Assert.Single(lines, line => line.Filename == path);
            Assert.Equal((pid, Environment.ProcessId, Path.GetFileName(path)), (line.Pid, line.ParentPid, line.Comm));
        }
    }

    [Fact]
    public void With_a_comm_filter_only_execs_of_that_name_are_printed()
    {
        Privileged.RequireRoot();
        using var programs = UniquePrograms.Create(2);
        var (other, wanted) = (programs.Paths[0], programs.Paths[1]);
        var options = new ExecSnoopOptions(Comm: Path.GetFileName(wanted));
        using var run = SampleRun.Start((output, token) => new ExecSnoopApp().RunAsync(options, output, token));
        run.WaitForOutput(output => output.Contains("FILENAME"), "the header");

        // The ring buffer keeps order: once the later exec is printed, the earlier one would have been.
        programs.Start(other);
        int pid = programs.Start(wanted);
        run.WaitForOutput(output => output.Contains(wanted), "the wanted program's line");
        Assert.Equal(0, run.Stop());

        var line = Assert.Single(Lines(run.Output));
        Assert.Equal((pid, wanted), (line.Pid, line.Filename));
    }

    [Fact]
    public void Ends_by_itself_after_the_duration()
    {
        Privileged.RequireRoot();
        using var run = SampleRun.Start((output, token) =>
            new ExecSnoopApp().RunAsync(new ExecSnoopOptions(Duration: TimeSpan.FromMilliseconds(500)), output, token));

        Assert.Equal(0, run.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.StartsWith("TIME", run.Output);
    }

    [Fact]
    public unsafe void Kernel_program_sends_the_pid_parent_task_name_and_path_of_an_exec()
    {
        ResetProbe();
        var runtime = new BpfRuntime { ProcessId = 300, ThreadId = 301, Comm = "launcher" };
        using var scope = BpfRuntime.Use(runtime);
        var fork = new SchedProcessForkRecord { ParentPid = 301, ChildPid = 4242 };
        ExecSnoopProbe.OnFork(in fork);
        runtime.Comm = "sleep";

        Exec(runtime, pid: 4242, "/usr/bin/sleep");

        var exec = Assert.Single(ExecSnoopProbe.Events.Drain());
        Assert.Equal((4242, 300, "sleep", "/usr/bin/sleep"), (exec.Pid, exec.ParentPid, exec.Comm.ToString(), exec.Filename.ToString(exec.FilenameLength)));
    }

    [Fact]
    public void Kernel_program_leaves_the_parent_0_for_a_process_forked_before_it_was_attached()
    {
        ResetProbe();
        var runtime = new BpfRuntime { Comm = "true" };
        using var scope = BpfRuntime.Use(runtime);

        Exec(runtime, pid: 77, "/bin/true");

        Assert.Equal(0, Assert.Single(ExecSnoopProbe.Events.Drain()).ParentPid);
    }

    [Fact]
    public void Kernel_program_sends_nothing_for_a_task_name_the_filter_does_not_want()
    {
        ResetProbe();
        var runtime = new BpfRuntime { Comm = "bash" };
        using var scope = BpfRuntime.Use(runtime);
        ExecSnoopProbe.Filter = ExecSnoopApp.Filter("sleep");
        try
        {
            Exec(runtime, pid: 10, "/usr/bin/bash");
            runtime.Comm = "sleep";
            Exec(runtime, pid: 11, "/usr/bin/sleep");
        }
        finally
        {
            ExecSnoopProbe.Filter = default;
        }

        Assert.Equal(11, Assert.Single(ExecSnoopProbe.Events.Drain()).Pid);
    }

    [Fact]
    public void Filter_keeps_the_first_15_bytes_of_the_name_as_the_kernel_does()
    {
        var filter = ExecSnoopApp.Filter("a-very-long-program-name");

        Assert.Equal((1, "a-very-long-pro"), (filter.Enabled, filter.Comm.ToString()));
    }

    [Fact]
    public void Parent_of_a_running_process_is_read_from_proc_and_of_an_exited_one_is_unknown()
    {
        using var child = Process.Start(new ProcessStartInfo(Privileged.RequireTool("sleep"), "30"))!;
        int? running = ParentProcess.TryRead(child.Id);
        child.Kill();
        child.WaitForExit();

        Assert.Equal((Environment.ProcessId, (int?)null), (running, ParentProcess.TryRead(child.Id)));
    }

    [Fact]
    public void Exec_line_prints_an_unknown_parent_as_a_question_mark()
    {
        var exec = new ExecEvent { Pid = 1234, FilenameLength = 10 };
        "/bin/true\0"u8.CopyTo(exec.Filename);
        "true"u8.CopyTo(exec.Comm);

        var line = ExecLine.Format(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), in exec, parentPid: null);

        Assert.Equal(["12:00:00.000", "1234", "?", "true", "/bin/true"], line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    static void ResetProbe()
    {
        ExecSnoopProbe.Parents.Clear();
        ExecSnoopProbe.Events.Clear();
        ExecSnoopProbe.Drops.Clear();
    }

    /// <summary>Runs the exec program on a record of <paramref name="pid"/> executing <paramref name="path"/>: the record's bytes,
    /// path included, placed in the runtime's kernel memory where the program's probe read finds them.</summary>
    static unsafe void Exec(BpfRuntime runtime, int pid, string path)
    {
        var record = new byte[sizeof(SchedProcessExecRecord) + FilenameBuffer.Length];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        name.CopyTo(record, sizeof(SchedProcessExecRecord));
        fixed (byte* start = record)
        {
            var fields = (SchedProcessExecRecord*)start;
            fields->FilenameLocation = (uint)name.Length << 16 | (uint)sizeof(SchedProcessExecRecord);
            fields->Pid = pid;
            fields->OldPid = pid;
            runtime.KernelMemory.Write((ulong)start, record);
            ExecSnoopProbe.OnExec(fields);
        }
    }

    /// <summary>The printed exec lines: "TIME PID PPID COMM FILENAME", the parent '?' as 0.</summary>
    static List<(int Pid, int ParentPid, string Comm, string Filename)> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => Regex.IsMatch(line, @"^\d\d:\d\d:\d\d\.\d{3} "))
            .Select(line => line.TrimEnd('\r').Split(' ', 5, StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => (int.Parse(fields[1]), fields[2] == "?" ? 0 : int.Parse(fields[2]), fields[3], fields[4].Trim()))];

    /// <summary>Copies of <c>sleep</c> under unique names (at most 15 bytes, so the task name is the whole name) in a temporary
    /// folder; each started copy sleeps until dispose kills it, so its parent stays readable.</summary>
    sealed class UniquePrograms : IDisposable
    {
        readonly string _folder;
        readonly List<Process> _started = [];

        UniquePrograms(string folder, string[] paths)
        {
            _folder = folder;
            Paths = paths;
        }

        public string[] Paths { get; }

        public static UniquePrograms Create(int count)
        {
            var folder = Directory.CreateTempSubdirectory("sharp-bpf-exec-snoop-").FullName;
            var sleep = Privileged.RequireTool("sleep");
            var paths = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"sbx{Guid.NewGuid().ToString("N")[..8]}-{i}")).ToArray();
            foreach (var path in paths) File.Copy(sleep, path);
            return new UniquePrograms(folder, paths);
        }

        /// <summary>Starts <paramref name="path"/> (sleeping 60 s) and returns its pid.</summary>
        public int Start(string path)
        {
            var process = Process.Start(new ProcessStartInfo(path, "60"))!;
            _started.Add(process);
            return process.Id;
        }

        public void Dispose()
        {
            foreach (var process in _started)
            {
                process.Kill();
                process.WaitForExit();
                process.Dispose();
            }
            Directory.Delete(_folder, recursive: true);
        }
    }
}
