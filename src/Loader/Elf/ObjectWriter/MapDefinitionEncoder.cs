using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Encodes map definitions as libbpf's macros declare them in C: an anonymous struct of pointer members whose pointee
/// types carry the values, <c>__uint(name, n)</c> as <c>int (*name)[n]</c> and <c>__type(name, T)</c> as <c>T *name</c>.
/// The struct's members are all pointers, so its size is 8 bytes per member, and that is the map's size in <c>.maps</c>.</summary>
internal sealed class MapDefinitionEncoder(BtfBuilder btf, BtfSpec callerTypes)
{
    const uint PointerBits = 64;

    readonly Dictionary<uint, uint> numberPointers = [];
    uint intTypeId, arraySizeTypeId;

    /// <summary>Adds the definition struct of <paramref name="map"/> to the BTF.</summary>
    /// <returns>The struct's id and its size in bytes.</returns>
    public (uint TypeId, uint Size) Encode(MapDefinition map)
    {
        var members = new List<(string Name, uint TypeId)> { ("type", Number((uint)map.Type)) };
        if (map.KeyTypeId != 0) members.Add(("key", btf.Add(new BtfPointer(map.KeyTypeId))));
        if (map.KeySize != 0) members.Add(("key_size", Number(map.KeySize)));
        if (map.ValueTypeId != 0) members.Add(("value", btf.Add(new BtfPointer(map.ValueTypeId))));
        if (map.ValueSize != 0) members.Add(("value_size", Number(map.ValueSize)));
        members.Add(("max_entries", Number(map.MaxEntries)));
        if (map.Flags != 0) members.Add(("map_flags", Number(map.Flags)));
        if (map.Pinning != MapPinning.None) members.Add(("pinning", Number((uint)map.Pinning)));
        uint size = (uint)members.Count * PointerBits / 8;
        uint id = btf.Add(new BtfStruct("", size, [.. members.Select((m, i) => new BtfMember(m.Name, m.TypeId, (uint)i * PointerBits))]));
        return (id, size);
    }

    /// <summary>A pointer to <c>int[value]</c>, shared by every member that encodes the same number (as clang shares them).</summary>
    uint Number(uint value)
    {
        if (numberPointers.TryGetValue(value, out uint pointer)) return pointer;
        if (intTypeId == 0)
        {
            intTypeId = callerTypes.TryFindType("int", BtfKind.Int, out uint existing)
                        && callerTypes[existing] is BtfInt { Size: 4, Encoding: BtfIntEncoding.Signed, BitOffset: 0, BitCount: 32 }
                ? existing
                : btf.Add(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
            arraySizeTypeId = btf.Add(new BtfInt("__ARRAY_SIZE_TYPE__", 4, BtfIntEncoding.None, 0, 32));
        }
        uint array = btf.Add(new BtfArray(intTypeId, arraySizeTypeId, value));
        pointer = btf.Add(new BtfPointer(array));
        numberPointers.Add(value, pointer);
        return pointer;
    }
}
