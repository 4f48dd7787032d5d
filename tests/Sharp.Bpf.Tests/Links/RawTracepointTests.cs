using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>RawTracepoint.Attach and TracepointBtf.Attach run programs on raw tracepoints through BPF_RAW_TRACEPOINT_OPEN.</summary>
public sealed class RawTracepointTests
{
    const int Calls = 25;

    [Fact]
    public void A_raw_tracepoint_program_sees_at_least_every_system_call_this_process_makes()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_raw_sys_enter");
        var syscalls = new HashMap<uint, ulong>(bpf.Map("raw_syscalls"));

        using (var link = RawTracepoint.Attach(program, "sys_enter"))
        {
            Assert.Equal(LinkType.RawTracepoint, link.GetInfo().Type);
            SyscallTrigger.GetParentProcessId(Calls);
        }

        Assert.True(syscalls.Lookup((uint)Environment.ProcessId) >= Calls);
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void A_tp_btf_program_sees_at_least_every_system_call_this_process_makes()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_btf_sys_enter");
        var syscalls = new HashMap<uint, ulong>(bpf.Map("btf_syscalls"));

        using (var link = TracepointBtf.Attach(program))
        {
            Assert.Equal([link.Id], KernelAttachments.LinksOf(program.Id));
            SyscallTrigger.GetParentProcessId(Calls);
        }

        Assert.True(syscalls.Lookup((uint)Environment.ProcessId) >= Calls);
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void An_unknown_raw_tracepoint_is_refused_with_ENOENT_and_its_name()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_syscall_counters.c");
        var program = bpf.Load("count_raw_sys_enter");

        var error = Assert.Throws<BpfException>(() => RawTracepoint.Attach(program, "no_such_tracepoint"));

        Assert.Equal("ENOENT", error.ErrorName);
        Assert.Contains("raw tracepoint no_such_tracepoint", error.Message);
    }
}
