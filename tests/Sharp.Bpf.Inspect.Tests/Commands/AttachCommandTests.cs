using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf attach</c> run as a process: it attaches, streams events as hex lines, and detaches cleanly on
/// --duration or SIGTERM, leaving nothing attached.</summary>
public sealed partial class AttachCommandTests
{
    const string ProgramName = "emit_getppid";
    const int Calls = 20;
    const uint Marker = 0x5eb0;

    static string EventsObject() =>
        ClangObjects.Compile(Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "links", "tracing_getppid_events.c"));

    [Theory]
    [InlineData(ProgramName, "getppid_events")]
    [InlineData("perf_getppid", "getppid_perf_events")]
    public void A_tracepoint_program_streams_one_hex_record_per_event_for_the_duration_and_leaves_nothing_attached(string program, string eventsMap)
    {
        Privileged.RequireRoot();
        using var attach = AttachProcess.Start(EventsObject(), program, "tracepoint:syscalls:sys_enter_getppid", "--duration", "2", "--events", eventsMap);
        Assert.True(attach.WaitForStderr("attached"), attach.Stderr);

        for (int i = 0; i < Calls; i++) getppid();
        var (exitCode, records) = attach.WaitForExit();

        Assert.Equal(0, exitCode);
        var ours = records.Select(Convert.FromHexString)
            .Where(record => BinaryPrimitives.ReadUInt32LittleEndian(record) == (uint)Environment.ProcessId)
            .ToList();
        Assert.Equal(Calls, ours.Count);
        Assert.All(ours, record => Assert.Equal(Marker, BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(4))));
        Assert.Empty(LinksOfProgramsNamed(program));
    }

    [Fact]
    public void Sigterm_detaches_and_exits_zero()
    {
        Privileged.RequireRoot();
        using var attach = AttachProcess.Start(EventsObject(), ProgramName, "tracepoint:syscalls:sys_enter_getppid");
        Assert.True(attach.WaitForStderr("attached"), attach.Stderr);
        Assert.NotEmpty(LinksOfProgramsNamed(ProgramName));

        attach.Terminate();
        var (exitCode, _) = attach.WaitForExit();

        Assert.Equal(0, exitCode);
        Assert.Contains("detached", attach.Stderr);
        Assert.Empty(LinksOfProgramsNamed(ProgramName));
    }

    [Theory]
    [InlineData("bogus:thing", "unknown target 'bogus:thing'")]
    [InlineData("tracepoint:syscalls", "is not tracepoint:<category>:<name>")]
    [InlineData("tc:eth0:sideways", "tc direction 'sideways' is not ingress or egress")]
    [InlineData("cgroup:/sys/fs/cgroup:upwards", "'upwards' is not a cgroup attach type")]
    [InlineData("uprobe:/bin/true", "is not uprobe:<path>:<symbol>")]
    public void A_bad_target_is_a_usage_error_that_says_what_is_wrong(string target, string message)
    {
        var result = CliProcess.Run("", "attach", "/nonexistent.o", ProgramName, target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void A_program_of_the_wrong_type_for_the_target_fails_and_leaves_nothing_attached()
    {
        Privileged.RequireRoot();
        var result = CliProcess.Run("", "attach", EventsObject(), ProgramName, "raw_tp:sys_enter", "--duration", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"program '{ProgramName}' is a Tracepoint program", result.Stderr);
        Assert.Empty(LinksOfProgramsNamed(ProgramName));
    }

    [Fact]
    public void An_events_map_that_carries_no_events_is_refused_before_attaching()
    {
        Privileged.RequireRoot();
        var result = CliProcess.Run("", "attach", EventsObject(), ProgramName, "tracepoint:syscalls:sys_enter_getppid", "--events", "not_an_event_map");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("only ring buffer and perf event array maps carry events", result.Stderr);
        Assert.DoesNotContain("attached", result.Stderr);
    }

    [Fact]
    public void An_unknown_program_is_named_with_the_ones_the_object_has()
    {
        Privileged.RequireRoot();
        var result = CliProcess.Run("", "attach", EventsObject(), "no_such_program", "tracepoint:syscalls:sys_enter_getppid", "--duration", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no program 'no_such_program'", result.Stderr);
        Assert.Contains(ProgramName, result.Stderr);
    }

    /// <summary>The ids of the kernel links whose program has <paramref name="name"/> (bpftool's view).</summary>
    static List<uint> LinksOfProgramsNamed(string name)
    {
        using var programs = JsonDocument.Parse(BpftoolListing.Programs());
        var ids = programs.RootElement.EnumerateArray()
            .Where(program => program.TryGetProperty("name", out var n) && n.GetString() == name)
            .Select(program => program.GetProperty("id").GetUInt32())
            .ToHashSet();
        using var links = JsonDocument.Parse(BpftoolListing.Links());
        return links.RootElement.EnumerateArray()
            .Where(link => link.TryGetProperty("prog_id", out var id) && ids.Contains(id.GetUInt32()))
            .Select(link => link.GetProperty("id").GetUInt32())
            .ToList();
    }

    [LibraryImport("libc")]
    private static partial int getppid();
}
