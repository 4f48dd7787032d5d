using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Relocated <c>lddw</c>s become map references the loader patches with fds.</summary>
public sealed class CollectionSpecRelocationTests
{
    [Fact]
    public void A_global_variable_load_refers_to_its_section_map_at_the_variable_offset()
    {
        var path = LoaderCorpus.Compile("globals.c");
        var expected = ReadElf.Symbols(path).Where(s => s.Type == "OBJECT" && s.Section.StartsWith(".", StringComparison.Ordinal))
            .Select(s => (s.Section, (uint)s.Value)).ToHashSet();

        var program = CollectionSpec.ReadFile(path).Programs["count_packets"];

        Assert.Equal(expected, program.MapReferences.Select(r => (r.MapName, r.ValueOffset!.Value)).ToHashSet());
    }

    [Fact]
    public void A_static_variable_load_adds_the_offset_clang_left_in_the_instruction()
    {
        var path = LoaderCorpus.Compile("globals.c");
        var counter = ReadElf.Symbols(path).Single(s => s.Name == "static_counter");

        var program = CollectionSpec.ReadFile(path).Programs["count_packets"];

        Assert.Contains((".data", (uint?)counter.Value), program.MapReferences.Select(r => (r.MapName, r.ValueOffset)));
    }

    [Theory]
    [InlineData("globals.c")]
    [InlineData("map_types.c")]
    [InlineData("legacy_maps.c")]
    [InlineData("flat_probe.c")]
    public void Each_map_reference_marks_its_lddw_as_a_map_or_map_value_load(string source)
    {
        foreach (var program in LoaderCorpus.Read(source).Programs.Values)
            foreach (var reference in program.MapReferences)
            {
                var load = program.Instructions[reference.InstructionIndex];
                Assert.True(load.IsWide);
                var expected = reference.ValueOffset is { } offset
                    ? (LoadImmediateKind.MapValueByFd, 0, (int)offset)
                    : (LoadImmediateKind.MapByFd, 0, 0);
                Assert.Equal(expected, (load.LoadImmediateKind, load.Immediate, load.NextImmediate));
            }
    }

    [Fact]
    public void Map_loads_name_the_maps_the_relocations_name()
    {
        var program = LoaderCorpus.Read("map_types.c").Programs["touch_queues"];

        Assert.Equal(["queue_map", "stack_map", "queue_map", "stack_map"], program.MapReferences.Select(r => r.MapName));
    }

    [Fact]
    public void Legacy_map_loads_refer_to_the_legacy_maps()
    {
        var program = LoaderCorpus.Read("legacy_maps.c").Programs["legacy_counter"];

        Assert.Equal(["legacy_array", "legacy_hash"], program.MapReferences.Select(r => r.MapName));
        Assert.All(program.MapReferences, r => Assert.Null(r.ValueOffset));
    }

    [Fact]
    public void Map_references_inside_a_subprogram_point_into_the_appended_copy()
    {
        var program = LoaderCorpus.Read("loop_callback.c").Programs["sum_indices"];

        var reference = Assert.Single(program.MapReferences);
        Assert.Equal((".bss", 0u), (reference.MapName, reference.ValueOffset!.Value));
        Assert.True(program.Instructions[reference.InstructionIndex].IsWide);
    }
}
