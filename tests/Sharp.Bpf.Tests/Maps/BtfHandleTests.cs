using Sharp.Bpf.Btf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>BTF loads into the kernel, describes map keys and values, and a refusal carries the kernel's log.</summary>
public sealed class BtfHandleTests
{
    /// <summary>[1] unsigned int, [2] unsigned long long.</summary>
    static byte[] KeyValueBtf()
    {
        var builder = new BtfBuilder();
        builder.Add(new BtfInt("unsigned int", 4, BtfIntEncoding.None, 0, 32));
        builder.Add(new BtfInt("unsigned long long", 8, BtfIntEncoding.None, 0, 64));
        return builder.Build();
    }

    [Fact]
    public void Built_btf_loads_and_gets_an_id()
    {
        Privileged.RequireRoot();
        using var btf = BtfHandle.Load(KeyValueBtf());
        Assert.NotEqual(0u, btf.Id);
    }

    [Fact]
    public void A_map_created_with_btf_reports_its_btf_and_type_ids()
    {
        Privileged.RequireRoot();
        using var btf = BtfHandle.Load(KeyValueBtf());
        var spec = MapSpecs.Of(MapType.Hash, 4, 8, 4) with { BtfKeyTypeId = 1, BtfValueTypeId = 2 };
        using var map = Map.Create(spec, btf);
        var info = map.GetInfo();
        Assert.Equal((btf.Id, 1u, 2u), (info.BtfId, info.BtfKeyTypeId, info.BtfValueTypeId));
    }

    [Fact]
    public void Garbage_btf_is_refused_with_the_kernels_log()
    {
        Privileged.RequireRoot();
        var garbage = KeyValueBtf();
        garbage[0] ^= 0xFF;
        var error = Assert.Throws<BtfLoadException>(() => BtfHandle.Load(garbage));
        Assert.Contains("magic", error.Log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("magic", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("BPF_BTF_LOAD", error.Operation);
    }

    [Fact]
    public void Btf_whose_type_refers_to_a_missing_type_is_refused_with_the_kernels_reason()
    {
        Privileged.RequireRoot();
        var builder = new BtfBuilder();
        builder.Add(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        builder.Add(new BtfStruct("pair", 8, [new("first", 1, 0), new("second", 1, 64)]));
        var error = Assert.Throws<BtfLoadException>(() => BtfHandle.Load(builder.Build()));
        Assert.Contains("pair", error.Log);
    }
}
