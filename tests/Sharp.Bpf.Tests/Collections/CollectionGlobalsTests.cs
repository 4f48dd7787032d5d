using Sharp.Bpf.Tests.Tools;
using System.Buffers.Binary;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Collections;

/// <summary>Global variables initialised in C read back through the Map API, and values written through it are what the
/// program sees (globals.c).</summary>
public sealed class CollectionGlobalsTests
{
    static readonly byte[] Key0 = new byte[4];
    /// <summary>A socket filter test run hands the program the packet after its Ethernet header, so skb->len is 14 less.</summary>
    const int PacketLength = 64, SkbLength = PacketLength - 14;

    /// <summary>The globals object, with its variables' offsets from the loader-ready BTF (DATASEC offsets filled in).</summary>
    sealed class Globals : IDisposable
    {
        readonly BtfSpec btf;

        public Globals()
        {
            var spec = CollectionSpec.ReadFile(LoaderCorpus.Object("globals"));
            btf = BtfSpec.Parse(spec.RawBtf!.Value.Span);
            Collection = Collection.Load(spec);
        }

        public Collection Collection { get; }

        public byte[] Section(string name)
        {
            var map = Collection.Maps[name];
            var value = new byte[map.ValueSize];
            map.Lookup(Key0, value);
            return value;
        }

        public int Offset(string section, string variable) => (int)btf.Types.OfType<BtfDataSection>().Single(s => s.Name == section)
            .Variables.Single(v => btf[v.TypeId].Name == variable).Offset;

        public void Dispose() => Collection.Dispose();
    }

    [Fact]
    public void Initialised_data_reads_back_as_written_in_C()
    {
        Privileged.RequireRoot();
        using var globals = new Globals();
        var data = globals.Section(".data");

        Assert.Equal(0x1234u, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(globals.Offset(".data", "last_length"))));
        Assert.Equal(42ul, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(globals.Offset(".data", "total_length"))));
        Assert.Equal(new uint[] { 1, 2, 3, 4 }, Words(globals.Section(".data.hits")));
    }

    [Fact]
    public void Constants_read_back_as_written_in_C_and_are_frozen()
    {
        Privileged.RequireRoot();
        using var globals = new Globals();
        var rodata = globals.Section(".rodata");
        int config = globals.Offset(".rodata", "config");

        Assert.Equal(1500u, BinaryPrimitives.ReadUInt32LittleEndian(rodata.AsSpan(config)));
        Assert.Equal(443, BinaryPrimitives.ReadUInt16LittleEndian(rodata.AsSpan(config + 4)));
        Assert.Equal(1, rodata[config + 6]);
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(rodata.AsSpan(globals.Offset(".rodata", "scale"))));
        var error = Assert.Throws<BpfException>(() => globals.Collection.Maps[".rodata"].Update(Key0, rodata));
        Assert.Equal("EPERM", error.ErrorName);
    }

    [Fact]
    public void Zeroed_globals_start_at_zero()
    {
        Privileged.RequireRoot();
        using var globals = new Globals();
        Assert.All(globals.Section(".bss"), b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_test_run_sees_values_written_through_the_map_and_its_writes_read_back()
    {
        Privileged.RequireRoot();
        using var globals = new Globals();
        var data = globals.Section(".data");
        int total = globals.Offset(".data", "total_length");
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(total), 100);
        globals.Collection.Maps[".data"].Update(Key0, data);

        var result = globals.Collection.Programs["count_packets"].Test(new ProgramTestOptions { Data = new byte[PacketLength] });

        Assert.Equal(0u, result.ReturnValue);
        data = globals.Section(".data");
        Assert.Equal(100ul + SkbLength, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(total)));
        Assert.Equal((uint)SkbLength, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(globals.Offset(".data", "last_length"))));
        var bss = globals.Section(".bss");
        Assert.Equal(1ul, BinaryPrimitives.ReadUInt64LittleEndian(bss.AsSpan(globals.Offset(".bss", "packets_seen"))));
        Assert.Equal(SkbLength * 3ul, BinaryPrimitives.ReadUInt64LittleEndian(bss.AsSpan(globals.Offset(".bss", "bytes_seen"))));
        // per_port_hits[skb->len & 3] started as { 1, 2, 3, 4 }.
        Assert.Equal(new uint[] { 1, 2, 4, 4 }, Words(globals.Section(".data.hits")));
    }

    static uint[] Words(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4))).ToArray();
}
