using Sharp.Bpf.Features;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Kprobe.Attach and Kprobe.AttachReturn run kprobe programs on kernel functions. These machines have no kprobes,
/// so the tests skip with the probe's finding there.</summary>
public sealed class KprobeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_kprobe_program_runs_when_the_kernel_function_is_called(bool isReturn)
    {
        Privileged.RequireRoot();
        Privileged.SkipUnlessKernelHas(TracingFeatures.Kprobes.IsPresent, TracingFeatures.Kprobes.Finding);
        using var bpf = LinkTestObject.Compile("tracing_kprobe.c");
        var program = bpf.Load("count_kprobe_hits");
        var hits = new ArrayMap<ulong>(bpf.Map("kprobe_hits"));

        using (isReturn ? Kprobe.AttachReturn(program, "do_sys_openat2") : Kprobe.Attach(program, "do_sys_openat2"))
            File.ReadAllBytes("/proc/self/stat");

        Assert.NotEqual(0ul, hits.Lookup(0));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void Without_kprobes_attaching_throws_not_supported_with_the_probes_finding()
    {
        Privileged.RequireRoot();
        Privileged.SkipUnlessKernelHas(!TracingFeatures.Kprobes.IsPresent, "this kernel has kprobes, so the refusal cannot be observed");
        using var bpf = LinkTestObject.Compile("tracing_kprobe.c");
        var program = bpf.Load("count_kprobe_hits");

        var error = Assert.Throws<BpfNotSupportedException>(() => Kprobe.Attach(program, "do_sys_openat2"));

        Assert.Contains(TracingFeatures.Kprobes.Finding, error.Message);
    }
}
