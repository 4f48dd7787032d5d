using Sharp.Bpf.Features;
using Sharp.Bpf.Links;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>The tracefs uprobe_events lines that create and remove Sharp.Bpf's uprobe events, and the uprobe feature probe
/// over fake sysfs and tracefs trees (no kernel needed).</summary>
public sealed class UprobeEventDefinitionTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("sharp-bpf-fake-tracing-").FullName;

    public static TheoryData<bool, ulong, ulong, string> Definitions => new()
    {
        { false, 0x1139, 0, "p:sharp_bpf_uprobes/ev /usr/bin/target:0x1139" },
        { true, 0x1139, 0, "r:sharp_bpf_uprobes/ev /usr/bin/target:0x1139" },
        { false, 0x40, 0x2010, "p:sharp_bpf_uprobes/ev /usr/bin/target:0x40(0x2010)" },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void A_definition_names_group_event_path_hex_offset_and_reference_counter(bool isReturn, ulong offset, ulong referenceCounter, string expected)
    {
        Assert.Equal(expected, UprobeEventDefinition.Create(isReturn, "ev", "/usr/bin/target", offset, referenceCounter));
    }

    [Theory]
    [InlineData("/opt/my app/target", "whitespace")]
    [InlineData("relative/target", "absolute")]
    public void A_path_tracefs_cannot_take_is_refused_with_the_reason(string path, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => UprobeEventDefinition.Create(isReturn: false, "ev", path, 0, 0));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Removal_is_a_minus_line_naming_the_group_and_event()
    {
        Assert.Equal("-:sharp_bpf_uprobes/ev", UprobeEventDefinition.Remove("ev"));
    }

    [Fact]
    public void Event_names_are_unique_and_made_of_characters_tracefs_accepts()
    {
        var first = UprobeEventDefinition.UniqueEventName("sharp_bpf_add@GLIBC", 0x1139, processId: 4321);
        var second = UprobeEventDefinition.UniqueEventName("sharp_bpf_add@GLIBC", 0x1139, processId: 4321);

        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", first);
    }

    [Fact]
    public void Uprobes_are_present_without_a_pmu_when_tracefs_has_uprobe_events()
    {
        var devices = Directory.CreateDirectory(Path.Combine(root, "devices")).FullName;
        var tracing = Directory.CreateDirectory(Path.Combine(root, "tracing")).FullName;
        File.WriteAllText(Path.Combine(tracing, "uprobe_events"), "");

        var finding = TracingFeatures.ProbeUprobes(devices, tracing);

        Assert.True(finding.IsPresent);
        Assert.Contains("uprobe_events", finding.Finding);
    }

    [Fact]
    public void Uprobes_are_absent_without_pmu_and_uprobe_events_and_the_finding_says_both()
    {
        var devices = Directory.CreateDirectory(Path.Combine(root, "devices")).FullName;
        var tracing = Directory.CreateDirectory(Path.Combine(root, "tracing")).FullName;

        var finding = TracingFeatures.ProbeUprobes(devices, tracing);

        Assert.False(finding.IsPresent);
        Assert.Contains("no uprobe PMU", finding.Finding);
        Assert.Contains("uprobe_events", finding.Finding);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
