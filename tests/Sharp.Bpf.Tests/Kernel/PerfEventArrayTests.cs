using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Perf event output lands on the writing CPU's buffer.</summary>
public sealed class PerfEventArrayTests
{
    [Fact]
    public void Output_goes_to_the_current_cpu()
    {
        var events = new PerfEventArray<ulong>();
        var runtime = new BpfRuntime { Cpu = 1 };
        using (BpfRuntime.Use(runtime)) events.Output(SkBuff.FromPacket(new byte[14]), 99UL);
        Assert.Equal(new PerfEventRecord<ulong>(1, 99), Assert.Single(events.Drain()));
    }
}
