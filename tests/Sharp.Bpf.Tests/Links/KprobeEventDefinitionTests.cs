using Sharp.Bpf.Links;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>The tracefs kprobe_events lines that create and remove Sharp.Bpf's kprobe events (no kernel needed).</summary>
public sealed class KprobeEventDefinitionTests
{
    [Fact]
    public void An_entry_probe_is_a_p_line_in_the_sharp_bpf_group_with_symbol_and_offset()
    {
        Assert.Equal("p:sharp_bpf/ev do_sys_openat2+16", KprobeEventDefinition.Create(isReturn: false, "ev", "do_sys_openat2", 16));
    }

    [Fact]
    public void A_return_probe_is_an_r_line_at_offset_zero()
    {
        Assert.Equal("r:sharp_bpf/ev tcp_connect+0", KprobeEventDefinition.Create(isReturn: true, "ev", "tcp_connect", 0));
    }

    [Fact]
    public void A_return_probe_with_an_offset_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => KprobeEventDefinition.Create(isReturn: true, "ev", "tcp_connect", 4));
        Assert.Contains("function entry", error.Message);
    }

    [Fact]
    public void Removal_is_a_minus_line_naming_the_group_and_event()
    {
        Assert.Equal("-:sharp_bpf/ev", KprobeEventDefinition.Remove("ev"));
    }

    [Fact]
    public void Event_names_are_unique_and_made_of_characters_tracefs_accepts()
    {
        var first = KprobeEventDefinition.UniqueEventName("__x64_sys_openat.cold", 0x10, processId: 1234);
        var second = KprobeEventDefinition.UniqueEventName("__x64_sys_openat.cold", 0x10, processId: 1234);

        Assert.NotEqual(first, second);
        Assert.StartsWith("sharp_bpf_1234___x64_sys_openat_cold_0x10_", first);
        Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", first);
    }

    [Fact]
    public void Event_names_of_long_symbols_are_cut_to_the_kernels_64_characters()
    {
        var name = KprobeEventDefinition.UniqueEventName(new string('f', 200), 0, processId: 99999);

        Assert.True(name.Length <= 64, name);
        Assert.EndsWith("_0x0_" + name.Split('_')[^1], name);
    }
}
