using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Tracepoint.Attach runs a tracepoint program on a kernel trace event, by link or by ioctl, until disposed.</summary>
[Collection(PerfEventDescriptorCounting.Name)]
public sealed class TracepointTests
{
    const int Calls = 25;

    [Theory]
    [InlineData(PerfEventAttachMode.BpfLink)]
    [InlineData(PerfEventAttachMode.Ioctl)]
    public void A_tracepoint_program_counts_each_getppid_call_of_this_process_exactly(PerfEventAttachMode mode)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_getppid");
        var calls = new HashMap<uint, ulong>(bpf.Map("getppid_calls"));

        using (Tracepoint.Attach(program, "syscalls", "sys_enter_getppid", new TracepointOptions { Mode = mode }))
            SyscallTrigger.GetParentProcessId(Calls);

        Assert.Equal((ulong)Calls, calls.Lookup((uint)Environment.ProcessId));
    }

    [Fact]
    public void A_tracepoint_attached_by_link_is_a_kernel_link_holding_the_program()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_getppid");

        using var link = Tracepoint.Attach(program, "syscalls", "sys_enter_getppid", new TracepointOptions { Mode = PerfEventAttachMode.BpfLink });

        var bpfLink = Assert.IsAssignableFrom<BpfLink>(link);
        Assert.Equal(LinkType.PerfEvent, bpfLink.GetInfo().Type);
        Assert.Equal([bpfLink.Id], KernelAttachments.LinksOf(program.Id));
    }

    [Theory]
    [InlineData(PerfEventAttachMode.BpfLink)]
    [InlineData(PerfEventAttachMode.Ioctl)]
    public void Disposing_detaches_and_leaves_no_link_and_no_perf_event(PerfEventAttachMode mode)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_getppid");
        var calls = new HashMap<uint, ulong>(bpf.Map("getppid_calls"));
        int perfEventsBefore = KernelAttachments.OpenPerfEvents();

        Tracepoint.Attach(program, "syscalls", "sys_enter_getppid", new TracepointOptions { Mode = mode }).Dispose();
        SyscallTrigger.GetParentProcessId(Calls);

        Assert.False(calls.TryLookup((uint)Environment.ProcessId, out _));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
        Assert.Equal(perfEventsBefore, KernelAttachments.OpenPerfEvents());
    }

    [Fact]
    public void An_unknown_trace_event_is_named_in_the_error_and_nothing_is_opened()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_getppid");
        int perfEventsBefore = KernelAttachments.OpenPerfEvents();

        var error = Assert.Throws<ArgumentException>(() => Tracepoint.Attach(program, "syscalls", "sys_enter_no_such_call"));

        Assert.Contains("syscalls:sys_enter_no_such_call", error.Message);
        Assert.Equal(perfEventsBefore, KernelAttachments.OpenPerfEvents());
    }

    [Fact]
    public void A_program_of_another_type_is_refused_with_the_type_it_needs()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_raw_sys_enter");

        var error = Assert.Throws<ArgumentException>(() => Tracepoint.Attach(program, "syscalls", "sys_enter_getppid"));

        Assert.Contains("RawTracepoint program", error.Message);
        Assert.Contains("tracepoint/<category>/<name>", error.Message);
    }
}
