using System.Buffers.Binary;

namespace Sharp.Bpf.Elf;

/// <summary>Reads the legacy <c>maps</c> section: one <c>struct bpf_map_def { type, key_size, value_size, max_entries,
/// map_flags; }</c> (4-byte fields) per symbol. libbpf 1.0 dropped it; older objects and samples still use it.</summary>
internal static class LegacyMapSection
{
    /// <summary>The section's name.</summary>
    public const string Name = "maps";

    /// <summary>The bytes up to and including <c>max_entries</c>, which every definition must have.</summary>
    const int RequiredSize = 16;
    /// <summary>The five fields read; later fields of older libbpf definitions (inner map index, NUMA node) are ignored.</summary>
    const int FullSize = 20;

    /// <summary>Reads one map per named symbol of <paramref name="section"/>, in offset order.</summary>
    /// <exception cref="BpfElfException">A definition is shorter than 16 bytes or extends past the section.</exception>
    public static IReadOnlyList<(ulong Offset, MapSpec Map)> Read(BpfSection section)
    {
        var maps = new List<(ulong, MapSpec)>();
        var data = section.Data.Span;
        foreach (var symbol in section.Symbols.Where(s => s.Kind is BpfSymbolKind.Object or BpfSymbolKind.NoType))
        {
            ulong size = symbol.Size == 0 ? RequiredSize : symbol.Size;
            if (size < RequiredSize || symbol.Value > (ulong)data.Length || size > (ulong)data.Length - symbol.Value)
                throw new BpfElfException($"legacy map '{symbol.Name}' ({size} bytes at offset {symbol.Value} of section '{Name}', {data.Length} bytes) is not a whole struct bpf_map_def");
            var definition = data.Slice((int)symbol.Value, (int)Math.Min(size, FullSize));
            maps.Add((symbol.Value, new MapSpec
            {
                Name = symbol.Name,
                Type = (MapType)Field(definition, 0),
                KeySize = Field(definition, 1),
                ValueSize = Field(definition, 2),
                MaxEntries = Field(definition, 3),
                Flags = Field(definition, 4),
            }));
        }
        return maps;
    }

    /// <summary>The 4-byte field at <paramref name="index"/>, or 0 when the definition stops before it (no map_flags).</summary>
    static uint Field(ReadOnlySpan<byte> definition, int index) =>
        definition.Length >= (index + 1) * sizeof(uint) ? BinaryPrimitives.ReadUInt32LittleEndian(definition[(index * sizeof(uint))..]) : 0;
}
