using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Uprobe and UprobeMulti run kprobe-type programs at function entries and returns of a test executable that a
/// child process runs.</summary>
[Collection(PerfEventDescriptorCounting.Name)]
public sealed class UprobeTests
{
    // Slots of the 'observed' array in tracing_uprobe_arguments.c.
    const uint AddCalls = 0, AddLastA = 1, AddLastB = 2, SquareReturns = 3, SquareLastResult = 4, MultiHits = 5;
    const int Rounds = 5;

    [Theory]
    [InlineData(PerfEventAttachMode.BpfLink)]
    [InlineData(PerfEventAttachMode.Ioctl)]
    public void A_uprobe_sees_every_call_and_the_arguments_of_the_last(PerfEventAttachMode mode)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_add", new UprobeOptions { Mode = mode }))
            UprobeTargetProgram.Run(Rounds);

        Assert.Equal(Rounds, observed.Lookup(AddCalls));
        Assert.Equal(Rounds - 1, observed.Lookup(AddLastA));
        Assert.Equal(1, observed.Lookup(AddLastB));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void A_uretprobe_sees_every_return_and_the_last_return_value()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_square_return");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (Uprobe.AttachReturn(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_square"))
            UprobeTargetProgram.Run(Rounds);

        Assert.Equal(Rounds, observed.Lookup(SquareReturns));
        Assert.Equal((Rounds - 1) * (Rounds - 1), observed.Lookup(SquareLastResult));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void A_uprobe_for_another_process_does_not_fire_for_this_run()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "sharp_bpf_add", new UprobeOptions { ProcessId = Environment.ProcessId }))
            UprobeTargetProgram.Run(Rounds);

        Assert.Equal(0, observed.Lookup(AddCalls));
    }

    [Fact]
    public void One_uprobe_multi_link_sees_the_calls_of_every_listed_function()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_any_entry");
        var observed = new ArrayMap<long>(bpf.Map("observed"));

        using (var link = UprobeMulti.Attach(program, UprobeTargetProgram.ExecutablePath, ["sharp_bpf_add", "sharp_bpf_square"]))
        {
            Assert.Equal(LinkType.UprobeMulti, link.GetInfo().Type);
            UprobeTargetProgram.Run(Rounds);
        }

        Assert.Equal(2 * Rounds, observed.Lookup(MultiHits));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void A_symbol_the_binary_lacks_is_refused_before_any_perf_event_is_opened()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_uprobe_arguments.c");
        var program = bpf.Load("on_add_entry");
        int perfEventsBefore = KernelAttachments.OpenPerfEvents();

        var error = Assert.ThrowsAny<Exception>(() => Uprobe.Attach(program, UprobeTargetProgram.ExecutablePath, "no_such_function"));

        Assert.Contains("no_such_function", error.Message);
        Assert.Equal(perfEventsBefore, KernelAttachments.OpenPerfEvents());
    }
}
