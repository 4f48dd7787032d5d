using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf map dump</c>: a map's entries as hex bytes, per CPU for per-CPU maps, and formatted by BTF when the map has it.</summary>
public sealed class MapDumpCommandTests
{
    static (int Exit, string Stdout, string Stderr) Dump(string target, bool json = false) =>
        KernelObjects.Capture((stdout, stderr) => MapDumpCommand.Execute(target, json, stdout, stderr));

    static byte[] Bytes(params byte[] bytes) => bytes;

    [Fact]
    public void A_map_without_btf_prints_keys_and_values_as_hex_and_the_count()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(new MapSpec { Name = "dump_hex", Type = MapType.Hash, KeySize = 4, ValueSize = 8, MaxEntries = 4 });
        map.Update(Bytes(1, 0, 0, 0), Bytes(0x2a, 0, 0, 0, 0, 0, 0, 0));

        var (exit, stdout, stderr) = Dump(map.Id.ToString());

        Assert.True(exit == 0, stderr);
        Assert.Equal("key: 01 00 00 00  value: 2a 00 00 00 00 00 00 00\nFound 1 element\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_per_cpu_map_prints_one_value_per_possible_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(new MapSpec { Name = "dump_percpu", Type = MapType.PerCpuArray, KeySize = 4, ValueSize = 4, MaxEntries = 1 });
        var values = new byte[map.ValueBufferSize];
        int cpus = map.ValueBufferSize / 8;
        for (int cpu = 0; cpu < cpus; cpu++) BinaryPrimitives.WriteInt32LittleEndian(values.AsSpan(cpu * 8), cpu + 1);
        map.Update(Bytes(0, 0, 0, 0), values);

        var (exit, stdout, _) = Dump(map.Id.ToString());

        Assert.Equal(0, exit);
        var text = stdout.ReplaceLineEndings("\n");
        Assert.StartsWith("key:\n00 00 00 00\n", text);
        for (int cpu = 0; cpu < cpus; cpu++) Assert.Contains($"value (CPU {cpu:00}): {cpu + 1:x2} 00 00 00\n", text);
    }

    [Fact]
    public void A_per_cpu_map_in_json_has_a_values_array_with_one_object_per_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(new MapSpec { Name = "dump_percpu", Type = MapType.PerCpuHash, KeySize = 4, ValueSize = 4, MaxEntries = 1 });
        map.Update(Bytes(7, 0, 0, 0), new byte[map.ValueBufferSize]);

        var (exit, stdout, _) = Dump(map.Id.ToString(), json: true);

        Assert.Equal(0, exit);
        var entry = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal(["0x07", "0x00", "0x00", "0x00"], entry.GetProperty("key").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(map.ValueBufferSize / 8, entry.GetProperty("values").GetArrayLength());
        Assert.Equal(0, entry.GetProperty("values")[0].GetProperty("cpu").GetInt32());
    }

    [Fact]
    public void A_btf_map_in_json_equals_bpftool_s_dump_including_the_formatted_member()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var pending = collection.GetMap("pending_requests");
        var key = new byte[40];
        key[0] = 10; key[3] = 1; key[16] = 10; key[19] = 2;
        key[32] = 0x1f; key[33] = 0x90; key[36] = 6; key[37] = 4;
        pending.Update(key, BitConverter.GetBytes(123_456_789UL));

        var (exit, stdout, stderr) = Dump(pending.Id.ToString(), json: true);
        var bpftool = ExternalTool.Run("bpftool", ["-j", "map", "dump", "id", pending.Id.ToString()]);

        Assert.True(exit == 0, stderr);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bpftool), JsonNode.Parse(stdout)), $"ours: {stdout}\nbpftool: {bpftool}");
        var formatted = JsonDocument.Parse(stdout).RootElement[0].GetProperty("formatted");
        Assert.Equal(36895, formatted.GetProperty("key").GetProperty("sport").GetInt32());
        Assert.Equal(123_456_789UL, formatted.GetProperty("value").GetUInt64());
    }

    [Fact]
    public void A_global_data_map_is_formatted_by_its_data_section_as_bpftool_formats_it()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var rodata = collection.Maps.Values.Single(map => map.Name.EndsWith(".rodata", StringComparison.Ordinal));

        var (exit, stdout, _) = Dump(rodata.Id.ToString(), json: true);
        var bpftool = ExternalTool.Run("bpftool", ["-j", "map", "dump", "id", rodata.Id.ToString()]);

        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bpftool), JsonNode.Parse(stdout)), $"ours: {stdout}\nbpftool: {bpftool}");
    }

    [Fact]
    public void A_btf_map_in_text_prints_the_formatted_entries()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(KernelObjects.FlatProbe);
        var pending = collection.GetMap("pending_requests");
        pending.Update(new byte[40], BitConverter.GetBytes(42UL));

        var (exit, stdout, _) = Dump(pending.Id.ToString());

        Assert.Equal(0, exit);
        var entry = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal(42, entry.GetProperty("value").GetInt32());
        Assert.Equal(0, entry.GetProperty("key").GetProperty("family").GetInt32());
    }

    [Fact]
    public void A_map_is_found_by_its_pinned_path()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(new MapSpec { Name = "dump_pinned", Type = MapType.Array, KeySize = 4, ValueSize = 4, MaxEntries = 1 });
        var path = KernelObjects.UniquePinPath("dump");
        map.Pin(path);
        try
        {
            var (exit, stdout, _) = Dump(path);

            Assert.Equal(0, exit);
            Assert.Equal("key: 00 00 00 00  value: 00 00 00 00\nFound 1 element\n", stdout.ReplaceLineEndings("\n"));
        }
        finally
        {
            map.Unpin();
        }
    }

    [Fact]
    public void A_nonexistent_id_or_path_is_one_clear_line_and_exit_1()
    {
        Privileged.RequireRoot();
        var byId = CliProcess.Run("", "map", "dump", "4294967295");
        var byPath = CliProcess.Run("", "map", "dump", "/sys/fs/bpf/sharp-bpf-no-such-pin");

        Assert.Equal(1, byId.ExitCode);
        Assert.Equal("sharp-bpf map dump: no map has id 4294967295", byId.Stderr.Trim());
        Assert.Equal(1, byPath.ExitCode);
        Assert.Equal("sharp-bpf map dump: nothing is pinned at /sys/fs/bpf/sharp-bpf-no-such-pin", byPath.Stderr.Trim());
    }

    [Fact]
    public void A_map_without_keys_is_refused_with_its_type()
    {
        Privileged.RequireRoot();
        using var ring = Map.Create(new MapSpec { Name = "dump_ring", Type = MapType.RingBuffer, MaxEntries = 4096 });

        var (exit, _, stderr) = Dump(ring.Id.ToString());

        Assert.Equal(1, exit);
        Assert.Equal($"sharp-bpf map dump: map {ring.Id} is a ringbuf map, which has no keys to dump", stderr.Trim());
    }
}
