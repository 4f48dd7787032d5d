using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>End to end: <see cref="PacketCounter"/> is compiled by this project's build; its object declares the maps,
/// the global and the BTF, and its generated bindings load it, set its configuration and read its maps.</summary>
public class PacketCounterTests
{
    /// <summary>A socket filter's test run sees the frame after <c>eth_type_trans</c> pulled the Ethernet header.</summary>
    const int FrameBytes = 64;
    const uint SkbLength = FrameBytes - 14;

    static CollectionSpec Spec => CollectionSpec.Read(PacketCounter.ObjectBytes.ToArray());

    [Theory]
    [InlineData("PacketsByLength", MapType.Hash, 4u, 8u, 64u)]
    [InlineData("Bytes", MapType.Array, 4u, 8u, 4u)]
    [InlineData("Events", MapType.RingBuffer, 0u, 0u, 4096u)]
    public void Object_declares_each_map_with_its_type_sizes_and_entries(string name, MapType type, uint keySize, uint valueSize, uint maxEntries)
    {
        var map = Spec.Maps[name];
        Assert.Equal(type, map.Type);
        Assert.Equal(keySize, map.KeySize);
        Assert.Equal(valueSize, map.ValueSize);
        Assert.Equal(maxEntries, map.MaxEntries);
    }

    [Fact]
    public void Configuration_is_a_read_only_global_with_its_initial_value()
    {
        var spec = Spec;
        var marker = spec.Globals["Marker"];
        Assert.True(marker.IsReadOnly);
        Assert.Equal(4u, marker.Size);
        var rodata = spec.Maps[marker.MapName];
        Assert.Equal(".rodata", rodata.DataSection);
        Assert.Equal(7u, BitConverter.ToUInt32(rodata.Contents.Single().Value.Span[(int)marker.Offset..]));
    }

    [Fact]
    public void Btf_types_the_context_maps_and_global_as_clang_would()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharp-bpf-counter-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, PacketCounter.ObjectBytes.ToArray());
        try
        {
            var dump = ExternalTool.Run("bpftool", ["btf", "dump", "file", path]);
            Assert.Contains("FWD '__sk_buff' fwd_kind=struct", dump);
            Assert.Contains("'skb' type_id=", dump);
            Assert.Contains("FUNC 'Count' type_id=", dump);
            Assert.Contains("VAR 'Marker' type_id=", dump);
            Assert.Contains("DATASEC '.rodata' size=4 vlen=1", dump);
            Assert.Contains("DATASEC '.maps' size=80 vlen=3", dump);
            Assert.Contains("INT 'unsigned long' size=8 bits_offset=0 nr_bits=64 encoding=(none)", dump);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Test_run_counts_the_packet_in_every_map_and_reports_the_configured_marker()
    {
        Privileged.RequireRoot();
        using var counter = PacketCounter.Load(options => options.Marker = 9);
        var frame = new ProgramTestOptions { Data = new byte[FrameBytes] };

        Assert.Equal(0u, counter.Count.Test(frame).ReturnValue);
        Assert.Equal(0u, counter.Count.Test(frame).ReturnValue);

        Assert.Equal([KeyValuePair.Create(SkbLength, 2UL)], counter.PacketsByLength.Entries);
        Assert.Equal(2UL * SkbLength, counter.Bytes.Lookup(0));
        var events = new List<PacketEvent>();
        using var reader = counter.OpenEventsReader();
        reader.Poll<PacketEvent>(events.Add, TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((SkbLength, 9u), (e.Length, e.Marker)));
    }

    [Fact]
    public void Configuration_keeps_its_initial_value_when_not_set()
    {
        Privileged.RequireRoot();
        using var counter = PacketCounter.Load();
        counter.Count.Test(new ProgramTestOptions { Data = new byte[FrameBytes] });
        var events = new List<PacketEvent>();
        using var reader = counter.OpenEventsReader();
        reader.Poll<PacketEvent>(events.Add, TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Equal(7u, Assert.Single(events).Marker);
    }
}
