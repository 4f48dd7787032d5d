using System.Text;
using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Helpers read and record the thread's managed runtime.</summary>
public sealed class HelperTests
{
    readonly BpfRuntime _runtime = new() { CpuCount = 4, Cpu = 3, ProcessId = 100, ThreadId = 101, UserId = 1000, GroupId = 2000, Comm = "curl-with-a-long-name" };

    [Fact]
    public void Clock_moves_only_forward()
    {
        _runtime.Advance(TimeSpan.FromMilliseconds(2));
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(2_000_000UL, Bpf.KtimeGetNs());
        Assert.Throws<ArgumentOutOfRangeException>(() => _runtime.MonotonicNs = 1);
    }

    [Fact]
    public void Boot_clock_counts_suspend()
    {
        _runtime.MonotonicNs = 10;
        _runtime.SuspendedNs = 5;
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(15UL, Bpf.KtimeGetBootNs());
    }

    [Fact]
    public void Task_identity_packs_like_the_kernel()
    {
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(100UL << 32 | 101, Bpf.GetCurrentPidTgid());
        Assert.Equal(2000UL << 32 | 1000, Bpf.GetCurrentUidGid());
        Assert.Equal(3u, Bpf.GetSmpProcessorId());
    }

    [Fact]
    public void Comm_is_truncated_to_fifteen_bytes_and_a_nul()
    {
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(0, Bpf.GetCurrentComm(out var comm));
        Assert.Equal("curl-with-a-lon", comm.ToString());
    }

    [Fact]
    public void Probe_read_copies_placed_memory()
    {
        _runtime.KernelMemory.Write(0xFFFF_0000, BitConverter.GetBytes(0x1234_5678u));
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(0, Bpf.ProbeReadKernel(out uint value, 0xFFFF_0000));
        Assert.Equal(0x1234_5678u, value);
    }

    [Fact]
    public void Probe_read_of_unplaced_memory_is_efault_and_zero()
    {
        _runtime.UserMemory.Write(0x1000, [1, 2]);
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(-14, Bpf.ProbeReadUser(out uint value, 0x1000));
        Assert.Equal(0u, value);
    }

    [Fact]
    public void Probe_read_str_truncates_and_terminates()
    {
        _runtime.UserMemory.WriteString(0x2000, "hello");
        using var scope = BpfRuntime.Use(_runtime);
        Span<byte> buffer = stackalloc byte[4];
        Assert.Equal(4, Bpf.ProbeReadUserStr(buffer, 0x2000));
        Assert.Equal("hel\0", Encoding.ASCII.GetString(buffer));
    }

    [Fact]
    public void Probe_read_str_counts_the_nul()
    {
        _runtime.KernelMemory.WriteString(0x3000, "hi");
        using var scope = BpfRuntime.Use(_runtime);
        Span<byte> buffer = stackalloc byte[16];
        Assert.Equal(3, Bpf.ProbeReadKernelStr(buffer, 0x3000));
    }

    [Fact]
    public void Printk_formats_like_the_kernel()
    {
        using var scope = BpfRuntime.Use(_runtime);
        Bpf.TracePrintk("port %d len %u hex %llx", (ushort)443, -1, 255UL);
        Assert.Equal("port 443 len 4294967295 hex ff", Assert.Single(_runtime.PrintkLines));
    }

    [Fact]
    public void Printk_refuses_unsupported_conversions()
    {
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Throws<FormatException>(() => Bpf.TracePrintk("%s", 1));
    }

    [Fact]
    public void Redirect_is_recorded_and_returns_the_redirect_verdict()
    {
        using var scope = BpfRuntime.Use(_runtime);
        Assert.Equal(TcAction.Redirect, Bpf.Redirect(7, flags: 1));
        Assert.Equal((7u, 1UL), _runtime.LastRedirect);
    }

    [Fact]
    public void Loop_stops_when_the_body_returns_one()
    {
        var sum = 0u;
        var iterations = Bpf.Loop(10, static (uint i, ref uint s) => { s += i; return i == 3 ? 1 : 0; }, ref sum);
        Assert.Equal((4L, 6u), (iterations, sum));
    }

    [Fact]
    public void Loop_refuses_too_many_iterations()
    {
        var unused = 0;
        Assert.Equal(-7, Bpf.Loop(Bpf.MaxLoopIterations + 1, static (uint _, ref int _) => 0, ref unused));
    }

    [Fact]
    public void Runtimes_are_per_scope()
    {
        using (BpfRuntime.Use(_runtime)) Assert.Same(_runtime, BpfRuntime.Current);
        Assert.NotSame(_runtime, BpfRuntime.Current);
    }
}
