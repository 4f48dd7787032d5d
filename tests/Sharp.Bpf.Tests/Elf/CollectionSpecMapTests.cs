using System.Buffers.Binary;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Maps read from the corpus: BTF-defined, legacy, map-in-map, program arrays and global data.</summary>
public sealed class CollectionSpecMapTests
{
    const uint NoPrealloc = 1;
    const uint ReadOnlyProg = 0x80;
    const uint Mmapable = 0x400;

    public static TheoryData<string, string, MapType, uint, uint, uint, uint> Declared => new()
    {
        { "map_types.c", "hash_map", MapType.Hash, 4, 8, 1024, 0 },
        { "map_types.c", "array_map", MapType.Array, 4, 8, 16, 0 },
        { "map_types.c", "percpu_hash_map", MapType.PerCpuHash, 4, 8, 128, 0 },
        { "map_types.c", "percpu_array_map", MapType.PerCpuArray, 4, 8, 4, 0 },
        { "map_types.c", "lru_hash_map", MapType.LruHash, 16, 8, 256, 0 },
        { "map_types.c", "lru_percpu_hash_map", MapType.LruPerCpuHash, 16, 4, 256, 0 },
        { "map_types.c", "lpm_trie_map", MapType.LpmTrie, 8, 4, 64, NoPrealloc },
        { "map_types.c", "queue_map", MapType.Queue, 0, 8, 32, 0 },
        { "map_types.c", "stack_map", MapType.Stack, 0, 8, 32, 0 },
        { "map_types.c", "ring_buffer_map", MapType.RingBuffer, 0, 0, 16384, 0 },
        { "map_types.c", "perf_event_map", MapType.PerfEventArray, 4, 4, 0, 0 },
        { "map_in_map.c", "first_inner", MapType.Array, 4, 4, 4, 0 },
        { "map_in_map.c", "array_of_maps", MapType.ArrayOfMaps, 4, 4, 2, 0 },
        { "map_in_map.c", "hash_of_maps", MapType.HashOfMaps, 4, 4, 8, 0 },
        { "tail_calls.c", "jump_table", MapType.ProgramArray, 4, 4, 4, 0 },
        { "flat_probe.c", "pending_requests", MapType.LruHash, 40, 8, 16384, 0 },
        { "flat_probe.c", "latency_events", MapType.RingBuffer, 0, 0, 256 * 1024, 0 },
        { "legacy_maps.c", "legacy_hash", MapType.Hash, 4, 8, 64, NoPrealloc },
        { "legacy_maps.c", "legacy_array", MapType.Array, 4, 4, 8, 0 },
    };

    [Theory]
    [MemberData(nameof(Declared))]
    public void A_declared_map_has_the_type_sizes_entries_and_flags_of_its_definition(string source, string name, MapType type, uint keySize, uint valueSize, uint maxEntries, uint flags)
    {
        var map = LoaderCorpus.Read(source).Maps[name];

        Assert.Equal((name, type, keySize, valueSize, maxEntries, flags), (map.Name, map.Type, map.KeySize, map.ValueSize, map.MaxEntries, map.Flags));
    }

    [Theory]
    [InlineData("map_types.c", ".maps")]
    [InlineData("map_in_map.c", ".maps")]
    [InlineData("legacy_maps.c", "maps")]
    public void Every_symbol_of_a_map_section_is_a_map(string source, string section)
    {
        var path = LoaderCorpus.Compile(source);
        var expected = ReadElf.Symbols(path).Where(s => s.Section == section).Select(s => s.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, CollectionSpec.ReadFile(path).Maps.Values.Where(m => m.DataSection is null).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Key_and_value_types_of_a_btf_map_are_recorded_as_btf_ids_of_the_declared_types()
    {
        var spec = LoaderCorpus.Read("map_types.c");
        var lru = spec.Maps["lru_hash_map"];

        Assert.Equal("flow_key", spec.Btf![spec.Btf.Resolve(lru.BtfKeyTypeId)].Name);
        Assert.Equal(8u, spec.Btf.SizeOf(lru.BtfValueTypeId));
    }

    [Fact]
    public void Legacy_maps_have_no_btf_types()
    {
        var map = LoaderCorpus.Read("legacy_maps.c").Maps["legacy_hash"];

        Assert.Equal((0u, 0u), (map.BtfKeyTypeId, map.BtfValueTypeId));
    }

    [Fact]
    public void A_map_in_map_carries_its_inner_map_template_and_its_initial_slots()
    {
        var maps = LoaderCorpus.Read("map_in_map.c").Maps;

        var outer = maps["array_of_maps"];
        Assert.Equal((MapType.Array, 4u, 4u, 4u), (outer.InnerMap!.Type, outer.InnerMap.KeySize, outer.InnerMap.ValueSize, outer.InnerMap.MaxEntries));
        Assert.Equal([(0u, "first_inner"), (1u, "second_inner")], outer.Contents.Select(c => (Key(c), c.Reference!)));
        Assert.Equal((MapType.Hash, 4u, 8u, 16u), (maps["hash_of_maps"].InnerMap!.Type, maps["hash_of_maps"].InnerMap!.KeySize, maps["hash_of_maps"].InnerMap!.ValueSize, maps["hash_of_maps"].InnerMap!.MaxEntries));
        Assert.Empty(maps["hash_of_maps"].Contents);
    }

    [Fact]
    public void A_program_array_initialised_in_c_names_the_program_of_each_slot()
    {
        var table = LoaderCorpus.Read("tail_calls.c").Maps["jump_table"];

        Assert.Equal([(1u, "tail_step_one"), (2u, "tail_step_two")], table.Contents.Select(c => (Key(c), c.Reference!)));
        Assert.All(table.Contents, c => Assert.True(c.Value.IsEmpty));
    }

    [Theory]
    [InlineData(".data", Mmapable, false)]
    [InlineData(".data.hits", Mmapable, false)]
    [InlineData(".rodata", Mmapable | ReadOnlyProg, true)]
    [InlineData(".bss", Mmapable, false)]
    public void A_global_data_section_is_a_one_entry_array_holding_the_section(string section, uint flags, bool freeze)
    {
        var path = LoaderCorpus.Compile("globals.c");
        var size = ReadElf.Sections(path).Values.Single(s => s.Name == section).Size;

        var map = CollectionSpec.ReadFile(path).Maps[section];

        Assert.Equal((MapType.Array, 4u, (uint)size, 1u, flags, freeze, section), (map.Type, map.KeySize, map.ValueSize, map.MaxEntries, map.Flags, map.Freeze, map.DataSection));
        var entry = Assert.Single(map.Contents);
        Assert.Equal(0u, Key(entry));
        Assert.Equal(SectionBytes(path, section, (int)size), entry.Value.ToArray());
    }

    [Fact]
    public void Global_initialisers_are_in_the_map_contents()
    {
        var maps = LoaderCorpus.Read("globals.c").Maps;

        var rodata = maps[".rodata"].Contents[0].Value.Span;
        Assert.Equal(1500u, BinaryPrimitives.ReadUInt32LittleEndian(rodata));        // config.threshold
        Assert.Equal((ushort)443, BinaryPrimitives.ReadUInt16LittleEndian(rodata[4..])); // config.port
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(rodata[8..]));      // scale
        Assert.Equal([1u, 2u, 3u, 4u], Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(maps[".data.hits"].Contents[0].Value.Span[(i * 4)..])));
        Assert.All(maps[".bss"].Contents[0].Value.ToArray(), b => Assert.Equal(0, b));
    }

    static uint Key(MapEntrySpec entry) => BinaryPrimitives.ReadUInt32LittleEndian(entry.Key.Span);

    /// <summary>The section's bytes as llvm-objcopy extracts them; zeros for SHT_NOBITS, which objcopy leaves out.</summary>
    static byte[] SectionBytes(string objectPath, string section, int size)
    {
        var output = Path.Combine(Path.GetTempPath(), $"sharp-bpf-section-{Guid.NewGuid():N}.bin");
        try
        {
            ExternalTool.Run("llvm-objcopy-19", ["-O", "binary", $"--only-section={section}", "--set-section-flags", $"{section}=alloc,load,contents", objectPath, output]);
            var bytes = File.ReadAllBytes(output);
            return bytes.Length == size ? bytes : new byte[size];
        }
        finally
        {
            File.Delete(output);
        }
    }
}
