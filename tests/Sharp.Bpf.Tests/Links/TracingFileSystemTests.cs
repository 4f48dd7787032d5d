using Sharp.Bpf.Links;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Trace event ids read from a fake tracefs tree, and the CPU lists sampling events are opened on (no kernel needed).</summary>
public sealed class TracingFileSystemTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("sharp-bpf-fake-tracefs-").FullName;

    [Fact]
    public void An_event_id_is_read_from_events_category_name_id()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "events", "syscalls", "sys_enter_getppid")).FullName;
        File.WriteAllText(Path.Combine(folder, "id"), "731\n");

        Assert.Equal(731u, TracingFileSystem.ReadEventId(root, "syscalls", "sys_enter_getppid"));
    }

    [Fact]
    public void A_missing_event_is_named_with_the_file_to_look_in()
    {
        var error = Assert.Throws<ArgumentException>(() => TracingFileSystem.ReadEventId(root, "sched", "no_such_event"));

        Assert.Contains("sched:no_such_event", error.Message);
        Assert.Contains("available_events", error.Message);
    }

    [Theory]
    [InlineData("..", "id")]
    [InlineData("syscalls", "a/b")]
    [InlineData("", "x")]
    public void Names_that_would_leave_the_events_folder_are_refused(string category, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => TracingFileSystem.ReadEventId(root, category, name));
    }

    [Theory]
    [InlineData("0\n", new[] { 0 })]
    [InlineData("0-3,8,10-11", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    public void Cpu_lists_expand_to_every_cpu_they_name(string list, int[] cpus)
    {
        Assert.Equal(cpus, PerfEventCpus.Parse(list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("a")]
    public void Malformed_cpu_lists_are_format_errors(string list)
    {
        Assert.Throws<FormatException>(() => PerfEventCpus.Parse(list));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
