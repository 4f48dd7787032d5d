using System.Diagnostics;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>PerfEvent.AttachSoftware runs a perf_event program on a sampling software event on every CPU, until disposed.</summary>
[Collection(PerfEventDescriptorCounting.Name)]
public sealed class PerfEventTests
{
    [Theory]
    [InlineData(PerfEventAttachMode.BpfLink)]
    [InlineData(PerfEventAttachMode.Ioctl)]
    public void A_cpu_clock_sampler_runs_while_this_process_uses_the_cpu(PerfEventAttachMode mode)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_cpu_clock_sampler.c");
        var program = bpf.Load("count_samples");
        var samples = new ArrayMap<ulong>(bpf.Map("samples"));
        int perfEventsBefore = KernelAttachments.OpenPerfEvents();

        using (PerfEvent.AttachSoftware(program, SoftwarePerfEvent.CpuClock, new PerfEventSamplingOptions { SampleFrequency = 1000, Mode = mode }))
        {
            Assert.Equal(perfEventsBefore + Environment.ProcessorCount, KernelAttachments.OpenPerfEvents());
            // Spin until the first sample; the bound only stops a broken attach from hanging the run.
            var spinning = Stopwatch.StartNew();
            while (samples.Lookup(0) == 0 && spinning.Elapsed < TimeSpan.FromSeconds(30)) Thread.SpinWait(10_000);
        }

        Assert.NotEqual(0ul, samples.Lookup(0));
        Assert.Equal(perfEventsBefore, KernelAttachments.OpenPerfEvents());
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void Both_a_period_and_a_frequency_are_refused()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("tracing_cpu_clock_sampler.c");
        var program = bpf.Load("count_samples");

        var error = Assert.Throws<ArgumentException>(() => PerfEvent.AttachSoftware(program, SoftwarePerfEvent.CpuClock,
            new PerfEventSamplingOptions { SamplePeriod = 1_000_000, SampleFrequency = 1000 }));

        Assert.Contains("exactly one of SamplePeriod and SampleFrequency", error.Message);
    }
}
