using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>The tracefs fallback of <see cref="Uprobe"/> (for kernels without the uprobe PMU), forced on this kernel, which
/// has the PMU: the probe is a trace event in uprobe_events, opened as a tracepoint, and removed on dispose and when attaching
/// fails after it was created.</summary>
[Collection(PerfEventDescriptorCounting.Name)]
public sealed class UprobeTraceEventTests
{
    // Slots of the 'observed' array in tracing_uprobe_arguments.c.
    const uint AddCalls = 0, AddLastA = 1, AddLastB = 2, SquareReturns = 3, SquareLastResult = 4;
    const int Rounds = 5;
    const string EventsFile = "/sys/kernel/tracing/uprobe_events";

    static readonly UprobeOptions ForcedTraceEvent = new() { Method = UprobeAttachMethod.TraceEvent };

    [Theory]
    [InlineData(PerfEventAttachMode.BpfLink)]
    [InlineData(PerfEventAttachMode.Ioctl)]
    public void A_uprobe_through_a_trace_event_sees_every_call_and_removes_its_event(PerfEventAttachMode mode)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_add", ForcedTraceEvent with { Mode = mode }))
        {
            Assert.Single(OurEvents(), line => line.StartsWith("p:", StringComparison.Ordinal) && line.Contains(UprobeTargetProgram.ExecutablePath));
            UprobeTargetProgram.Run(Rounds);
        }

        Assert.Equal(Rounds, observed.Lookup(AddCalls));
        Assert.Equal(Rounds - 1, observed.Lookup(AddLastA));
        Assert.Equal(1, observed.Lookup(AddLastB));
        Assert.Empty(OurEvents());
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void A_uretprobe_through_a_trace_event_sees_every_return_value_and_removes_its_event()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_square_return");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (Uprobe.AttachReturn(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_square", ForcedTraceEvent))
        {
            Assert.Single(OurEvents(), line => line.StartsWith("r:", StringComparison.Ordinal) && line.Contains(UprobeTargetProgram.ExecutablePath));
            UprobeTargetProgram.Run(Rounds);
        }

        Assert.Equal(Rounds, observed.Lookup(SquareReturns));
        Assert.Equal((Rounds - 1) * (Rounds - 1), observed.Lookup(SquareLastResult));
        Assert.Empty(OurEvents());
    }

    [Fact]
    public void An_attach_refused_after_the_event_was_created_removes_the_event_and_the_perf_event()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");
        int perfEventsBefore = KernelAttachments.OpenPerfEvents();

        // The ioctl path cannot carry a cookie: refused once the trace event and its perf event exist.
        Assert.Throws<NotSupportedException>(() => Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_add",
            ForcedTraceEvent with { Mode = PerfEventAttachMode.Ioctl, Cookie = 7 }));

        Assert.Empty(OurEvents());
        Assert.Equal(perfEventsBefore, KernelAttachments.OpenPerfEvents());
    }

    [Fact]
    public void A_perf_event_open_refused_for_a_missing_process_removes_the_event_and_names_the_probe()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");

        var error = Assert.Throws<BpfException>(() => Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_add",
            ForcedTraceEvent with { ProcessId = int.MaxValue }));

        Assert.Contains("sharp_bpf_add", error.Message);
        Assert.Contains("no such process", error.Message);
        Assert.Empty(OurEvents());
    }

    /// <summary>The lines of uprobe_events that this process created.</summary>
    static string[] OurEvents() =>
        File.ReadAllLines(EventsFile).Where(line => line.Contains($"{UprobeEventDefinition.Group}/sharp_bpf_{Environment.ProcessId}_")).ToArray();
}
