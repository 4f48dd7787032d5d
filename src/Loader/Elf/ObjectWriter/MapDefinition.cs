namespace Sharp.Bpf.Elf;

/// <summary>A BTF-defined map, written to <c>.maps</c> the way libbpf's <c>__uint</c>/<c>__type</c> macros declare it: a variable
/// whose anonymous struct type says, through the types of its members, what the map is.</summary>
/// <param name="Name">The map's name: a C identifier, unique among the object's functions, maps and globals.</param>
/// <param name="Type">The map type.</param>
/// <param name="MaxEntries">Maximum number of entries (for ring buffers: the size in bytes).</param>
public sealed record MapDefinition(string Name, MapType Type, uint MaxEntries)
{
    /// <summary>BTF type of the key (<c>__type(key, T)</c>), added with <see cref="BpfObjectBuilder.AddType"/>; 0 for none.</summary>
    public uint KeyTypeId { get; init; }
    /// <summary>BTF type of the value (<c>__type(value, T)</c>); 0 for none.</summary>
    public uint ValueTypeId { get; init; }
    /// <summary>Key size in bytes for maps whose key has no BTF type (<c>__uint(key_size, N)</c>); 0 to leave it out.</summary>
    public uint KeySize { get; init; }
    /// <summary>Value size in bytes for maps whose value has no BTF type (<c>__uint(value_size, N)</c>); 0 to leave it out.</summary>
    public uint ValueSize { get; init; }
    /// <summary><c>BPF_MAP_CREATE</c> flags (<c>__uint(map_flags, F)</c>); 0 to leave it out.</summary>
    public uint Flags { get; init; }
    /// <summary>Pinning by name (<c>__uint(pinning, LIBBPF_PIN_BY_NAME)</c>).</summary>
    public MapPinning Pinning { get; init; }
}
