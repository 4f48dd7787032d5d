using System.Runtime.InteropServices;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Batch operations move many elements per call and report map types that have none.</summary>
public sealed class BatchTests
{
    static byte[] Keys(params uint[] keys) => MemoryMarshal.AsBytes(keys.AsSpan()).ToArray();
    static byte[] Values(params ulong[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    static Dictionary<uint, ulong> LookupAll(Map map, int batchSize, Func<MapBatchCursor, Span<byte>, Span<byte>, int> lookup)
    {
        var found = new Dictionary<uint, ulong>();
        var cursor = new MapBatchCursor();
        var keys = new byte[batchSize * 4];
        var values = new byte[batchSize * map.ValueBufferSize];
        while (!cursor.IsComplete)
        {
            int count = lookup(cursor, keys, values);
            for (int i = 0; i < count; i++) found.Add(BitConverter.ToUInt32(keys, i * 4), BitConverter.ToUInt64(values, i * 8));
        }
        return found;
    }

    [Fact]
    public void Update_batch_writes_every_element_and_lookup_batch_reads_them_back()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 64));
        uint[] keys = [.. Enumerable.Range(1, 40).Select(i => (uint)i)];
        Assert.Equal(40, map.UpdateBatch(Keys(keys), Values([.. keys.Select(k => k * 3ul)])));
        var found = LookupAll(map, batchSize: 16, map.LookupBatch);
        Assert.Equal(keys.ToDictionary(k => k, k => k * 3ul), found);
    }

    [Fact]
    public void Lookup_batch_reads_an_array()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 5));
        new ArrayMap<ulong>(map).Update(4, 44);
        var found = LookupAll(map, batchSize: 2, map.LookupBatch);
        Assert.Equal([0ul, 0ul, 0ul, 0ul, 44ul], found.OrderBy(e => e.Key).Select(e => e.Value));
    }

    [Fact]
    public void Lookup_and_delete_batch_empties_the_map()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 16));
        map.UpdateBatch(Keys(1, 2, 3), Values(10, 20, 30));
        var found = LookupAll(map, batchSize: 8, map.LookupAndDeleteBatch);
        Assert.Equal(3, found.Count);
        Assert.Empty(map.Keys());
    }

    [Fact]
    public void Delete_batch_removes_the_given_keys()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 16));
        map.UpdateBatch(Keys(1, 2, 3), Values(10, 20, 30));
        Assert.Equal(2, map.DeleteBatch(Keys(1, 3)));
        Assert.Equal([2u], new HashMap<uint, ulong>(map).Keys);
    }

    [Fact]
    public void Batch_on_a_map_type_without_batches_is_not_supported()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.ProgramArray, 4, 4, 4));
        var error = Assert.Throws<BpfNotSupportedException>(() => map.LookupBatch(new MapBatchCursor(), new byte[4], new byte[4]));
        Assert.Equal("batch operations on ProgramArray maps", error.Feature);
    }

    [Fact]
    public void Buffers_that_disagree_on_the_count_are_refused()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 16));
        Assert.Throws<ArgumentException>(() => map.UpdateBatch(Keys(1, 2), Values(10)));
    }
}
