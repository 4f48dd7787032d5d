using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Collections;

/// <summary>Global variables found through BTF, and <c>.rodata</c> configuration set before load (globals.c).</summary>
public sealed class GlobalVariableTests
{
    /// <summary>globals.c's <c>struct settings</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    readonly record struct Settings(uint Threshold, ushort Port, byte Enabled, byte Padding);

    static CollectionSpec Spec => LoaderCorpus.Read("globals.c");

    [Theory]
    [InlineData("config", ".rodata", 8, true)]
    [InlineData("scale", ".rodata", 8, true)]
    [InlineData("packets_seen", ".bss", 8, false)]
    [InlineData("last_length", ".data", 4, false)]
    [InlineData("per_port_hits", ".data.hits", 16, false)]
    [InlineData("static_counter", ".data", 8, false)]
    public void Globals_are_found_with_their_map_and_size(string name, string map, uint size, bool readOnly)
    {
        var variable = Spec.Globals[name];
        Assert.Equal((map, size, readOnly), (variable.MapName, variable.Size, variable.IsReadOnly));
    }

    [Fact]
    public void WithGlobal_rewrites_the_initial_value_and_leaves_the_original_spec_alone()
    {
        var spec = Spec;
        var scale = spec.Globals["scale"];
        var changed = spec.WithGlobal("scale", 7ul);
        Assert.Equal(7ul, BinaryPrimitives.ReadUInt64LittleEndian(changed.Maps[".rodata"].Contents[0].Value.Span[(int)scale.Offset..]));
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(spec.Maps[".rodata"].Contents[0].Value.Span[(int)scale.Offset..]));
    }

    [Fact]
    public void An_unknown_global_lists_the_globals_there_are()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Spec.WithGlobal("threshold", 1u));
        Assert.Contains("no global variable 'threshold'", error.Message);
        Assert.Contains("config", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_size_is_refused() =>
        Assert.Contains("global 'scale' is 8 bytes; the value given is 4", Assert.Throws<ArgumentException>(() => Spec.WithGlobal("scale", 7u)).Message);

    [Fact]
    public void Rodata_set_before_load_is_what_the_program_sees()
    {
        Privileged.RequireRoot();
        var spec = Spec.WithGlobal("config", new Settings(Threshold: 10, Port: 8080, Enabled: 1, Padding: 0));
        using var collection = Collection.Load(spec);

        var result = collection.Programs["count_packets"].Test(new ProgramTestOptions { Data = new byte[64] });

        Assert.Equal(8080u, result.ReturnValue);
    }

    [Fact]
    public void A_disabled_flag_in_rodata_turns_the_program_off()
    {
        Privileged.RequireRoot();
        var spec = Spec.WithGlobal("config", new Settings(Threshold: 0, Port: 1, Enabled: 0, Padding: 0));
        using var collection = Collection.Load(spec);
        var bss = spec.Globals["packets_seen"];

        collection.Programs["count_packets"].Test(new ProgramTestOptions { Data = new byte[64] });

        var value = new byte[collection.Maps[".bss"].ValueSize];
        collection.Maps[".bss"].Lookup(new byte[4], value);
        Assert.Equal(0ul, BinaryPrimitives.ReadUInt64LittleEndian(value.AsSpan((int)bss.Offset)));
    }
}
