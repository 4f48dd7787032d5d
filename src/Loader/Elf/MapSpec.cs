namespace Sharp.Bpf.Elf;

/// <summary>Everything needed to create one map: what an object file declares (a BTF-defined map in
/// <c>.maps</c>, a legacy <c>maps</c> entry, or a <c>.data</c>/<c>.rodata</c>/<c>.bss</c> global section).
/// Pure data: creating the map is <c>Sharp.Bpf</c>'s job.</summary>
public sealed record MapSpec
{
    /// <summary>The map's name in the object (the variable name; <c>.data</c>, <c>.rodata</c>, ... for globals).</summary>
    public required string Name { get; init; }
    /// <summary>The map type.</summary>
    public required MapType Type { get; init; }
    /// <summary>Key size in bytes.</summary>
    public uint KeySize { get; init; }
    /// <summary>Value size in bytes.</summary>
    public uint ValueSize { get; init; }
    /// <summary>Maximum number of entries (for ring buffers: the size in bytes).</summary>
    public uint MaxEntries { get; init; }
    /// <summary><c>BPF_MAP_CREATE</c> flags (<c>BPF_F_NO_PREALLOC</c>, <c>BPF_F_MMAPABLE</c>, <c>BPF_F_RDONLY_PROG</c>, ...).</summary>
    public uint Flags { get; init; }
    /// <summary>NUMA node, when <c>BPF_F_NUMA_NODE</c> is in <see cref="Flags"/>.</summary>
    public uint NumaNode { get; init; }
    /// <summary><c>map_extra</c> (bloom filter hash count, arena address).</summary>
    public ulong MapExtra { get; init; }
    /// <summary>Whether the map is pinned by name under the pin path (libbpf's <c>LIBBPF_PIN_BY_NAME</c>).</summary>
    public MapPinning Pinning { get; init; }
    /// <summary>For map-in-map types: the template of the inner maps.</summary>
    public MapSpec? InnerMap { get; init; }
    /// <summary>BTF type id of the key in the object's BTF, or 0.</summary>
    public uint BtfKeyTypeId { get; init; }
    /// <summary>BTF type id of the value in the object's BTF, or 0.</summary>
    public uint BtfValueTypeId { get; init; }
    /// <summary>Entries written right after creation: global initialisers, or program-array slots.</summary>
    public IReadOnlyList<MapEntrySpec> Contents { get; init; } = [];
    /// <summary>For global-data maps: the ELF section the map holds (<c>.data</c>, <c>.rodata.str1.1</c>, <c>.bss</c>), else null.</summary>
    public string? DataSection { get; init; }
    /// <summary>Freeze after the initial contents are written, so programs see constants (<c>.rodata</c>; Linux 5.2).</summary>
    public bool Freeze { get; init; }
}

/// <summary>How a map is pinned in bpffs.</summary>
public enum MapPinning
{
    /// <summary>Not pinned.</summary>
    None = 0,
    /// <summary>Pinned under the collection's pin path by the map's name, and reused when already pinned.</summary>
    ByName = 1,
}

/// <summary>One initial entry of a map. For program arrays and map-in-map types the value names a program or a map
/// of the same collection instead of holding bytes.</summary>
/// <param name="Key">The key bytes.</param>
/// <param name="Value">The value bytes (empty when <paramref name="Reference"/> is set).</param>
/// <param name="Reference">The name of the program or map whose fd is the value, or null.</param>
public sealed record MapEntrySpec(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value, string? Reference = null);
