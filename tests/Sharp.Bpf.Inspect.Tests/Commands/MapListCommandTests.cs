using System.Text.Json;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf map list</c>: the maps in the kernel, as bpftool map show lists them.</summary>
public sealed class MapListCommandTests
{
    static (int Exit, string Stdout, string Stderr) List(bool json) =>
        KernelObjects.Capture((stdout, stderr) => MapListCommand.Execute(json, stdout, stderr));

    static Map CreateHash() => Map.Create(new MapSpec { Name = "list_probe", Type = MapType.Hash, KeySize = 4, ValueSize = 8, MaxEntries = 32, Flags = 1 });

    [Fact]
    public void Lists_a_created_map_with_its_type_name_flags_and_sizes()
    {
        Privileged.RequireRoot();
        using var map = CreateHash();

        var (exit, stdout, stderr) = List(json: false);

        Assert.True(exit == 0, stderr);
        Assert.Contains($"{map.Id}: hash  name list_probe  flags 0x1\n\tkey 4B  value 8B  max_entries 32", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_has_bpftool_s_members_for_a_created_map()
    {
        Privileged.RequireRoot();
        using var map = CreateHash();

        var (exit, stdout, _) = List(json: true);

        Assert.Equal(0, exit);
        var entry = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetUInt32() == map.Id);
        Assert.Equal("hash", entry.GetProperty("type").GetString());
        Assert.Equal("list_probe", entry.GetProperty("name").GetString());
        Assert.Equal(1, entry.GetProperty("flags").GetInt32());
        Assert.Equal(4, entry.GetProperty("bytes_key").GetInt32());
        Assert.Equal(8, entry.GetProperty("bytes_value").GetInt32());
        Assert.Equal(32, entry.GetProperty("max_entries").GetInt32());
        Assert.Equal(0, entry.GetProperty("frozen").GetInt32());
    }

    [Fact]
    public void A_frozen_map_with_btf_shows_both_as_bpftool_does()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var rodata = collection.Maps.Values.Single(map => map.Name.EndsWith(".rodata", StringComparison.Ordinal));
        var info = rodata.GetInfo();

        var (exit, stdout, _) = List(json: false);

        Assert.Equal(0, exit);
        Assert.Contains($"\tbtf_id {info.BtfId}  frozen\n", stdout.ReplaceLineEndings("\n"));
    }
}
