using Sharp.Bpf.Features;
using Sharp.Bpf.Links;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Discovery of the kprobe and uprobe PMUs and of kprobe support, read from fake sysfs and tracefs trees.</summary>
public sealed class PerfEventPmuTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("sharp-bpf-fake-sysfs-").FullName;

    string Devices => Path.Combine(root, "devices");

    [Fact]
    public void A_pmu_gives_its_type_and_the_config_bit_of_retprobe()
    {
        FakePmu("uprobe", type: "8\n", retprobe: "config:0\n");

        Assert.Equal(new PerfEventPmu("uprobe", 8, 0), PerfEventPmu.TryRead(Devices, "uprobe"));
    }

    [Fact]
    public void A_pmu_without_a_retprobe_format_has_no_retprobe_bit()
    {
        FakePmu("kprobe", type: "6", retprobe: null);

        Assert.Null(PerfEventPmu.TryRead(Devices, "kprobe")!.RetprobeBit);
    }

    [Fact]
    public void A_missing_pmu_reads_as_null()
    {
        Directory.CreateDirectory(Devices);

        Assert.Null(PerfEventPmu.TryRead(Devices, "kprobe"));
    }

    [Theory]
    [InlineData("config:0", 0, 0)]
    [InlineData("config:32-63\n", 32, 63)]
    public void Format_files_name_a_bit_range_of_config(string text, int first, int last)
    {
        Assert.Equal((first, last), PerfEventPmu.ParseConfigBits(text, "format/x"));
    }

    [Theory]
    [InlineData("config1:0")]
    [InlineData("config:")]
    [InlineData("config:5-2")]
    [InlineData("config:64")]
    public void Other_format_text_is_a_format_error_naming_the_file(string text)
    {
        var error = Assert.Throws<FormatException>(() => PerfEventPmu.ParseConfigBits(text, "format/retprobe"));
        Assert.Contains("format/retprobe", error.Message);
    }

    [Fact]
    public void A_non_numeric_type_is_a_format_error()
    {
        FakePmu("kprobe", type: "six", retprobe: null);

        Assert.Throws<FormatException>(() => PerfEventPmu.TryRead(Devices, "kprobe"));
    }

    [Fact]
    public void Kprobes_are_present_with_a_kprobe_pmu()
    {
        FakePmu("kprobe", type: "6", retprobe: "config:0");

        var finding = TracingFeatures.ProbeKprobes(Devices, tracingRoot: null);

        Assert.True(finding.IsPresent);
        Assert.Contains("kprobe PMU exists", finding.Finding);
    }

    [Fact]
    public void Kprobes_are_present_through_tracefs_kprobe_events_without_a_pmu()
    {
        Directory.CreateDirectory(Devices);
        var tracing = Directory.CreateDirectory(Path.Combine(root, "tracing")).FullName;
        File.WriteAllText(Path.Combine(tracing, "kprobe_events"), "");

        var finding = TracingFeatures.ProbeKprobes(Devices, tracing);

        Assert.True(finding.IsPresent);
        Assert.Contains("kprobe_events", finding.Finding);
    }

    [Fact]
    public void Kprobes_are_absent_without_pmu_and_kprobe_events_and_the_finding_says_both()
    {
        Directory.CreateDirectory(Devices);
        var tracing = Directory.CreateDirectory(Path.Combine(root, "tracing")).FullName;

        var finding = TracingFeatures.ProbeKprobes(Devices, tracing);

        Assert.False(finding.IsPresent);
        Assert.Contains("no kprobe PMU", finding.Finding);
        Assert.Contains("kprobe_events", finding.Finding);
    }

    [Fact]
    public void Uprobes_are_absent_without_a_uprobe_pmu()
    {
        Directory.CreateDirectory(Devices);

        Assert.False(TracingFeatures.ProbeUprobes(Devices).IsPresent);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    void FakePmu(string name, string type, string? retprobe)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Devices, name, "format")).Parent!.FullName;
        File.WriteAllText(Path.Combine(folder, "type"), type);
        if (retprobe is not null) File.WriteAllText(Path.Combine(folder, "format", "retprobe"), retprobe);
    }
}
