using System.Buffers.Binary;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Reads the BTF-defined maps of a <c>.maps</c> section: one per variable of the section's BTF DATASEC, with initial
/// contents of map-in-map and program-array maps taken from the section's <c>R_BPF_64_ABS64</c> relocations.</summary>
internal static class BtfMapSection
{
    /// <summary>The section's name.</summary>
    public const string Name = ".maps";

    /// <summary>Reads the maps of <paramref name="section"/>, in offset order.</summary>
    /// <returns>Each map with the offset of its symbol, which relocations in code refer to.</returns>
    /// <exception cref="BpfElfException">The object has no BTF or no DATASEC for the section, a variable has no symbol,
    /// a definition is malformed, or a relocation of <c>values</c> is misplaced.</exception>
    public static IReadOnlyList<(ulong Offset, MapSpec Map)> Read(BpfSection section, BtfSpec? btf)
    {
        if (btf is null)
            throw new BpfElfException($"section '{Name}' holds BTF-defined maps, but the object has no .BTF section (compile with -g)");
        var datasec = btf.Types.OfType<BtfDataSection>().FirstOrDefault(d => d.Name == Name)
            ?? throw new BpfElfException($"section '{Name}' has no BTF DATASEC describing its maps");
        var maps = new List<(ulong, MapSpec)>();
        foreach (var variableInfo in datasec.Variables)
        {
            if (variableInfo.TypeId >= (uint)btf.Types.Count || btf.Types[(int)variableInfo.TypeId] is not BtfVariable variable)
                throw new BpfElfException($"the BTF DATASEC of '{Name}' lists type [{variableInfo.TypeId}], which is not a variable");
            var symbol = section.Symbols.FirstOrDefault(s => s.Name == variable.Name)
                ?? throw new BpfElfException($"map '{variable.Name}' is in the BTF of '{Name}' but has no symbol in the section");
            var map = BtfMapDefinition.Decode(btf, variable.Name, variable.TypeId, out uint? valuesOffset);
            if (valuesOffset is { } offset)
                map = map with { Contents = ReadContents(section, symbol, offset) };
            maps.Add((symbol.Value, map));
        }
        return [.. maps.OrderBy(m => m.Item1)];
    }

    /// <summary>The slots that <c>.values = { [i] = &amp;x }</c> fills: clang leaves zeros in the section and one relocation per
    /// filled slot, against the inner map or the program.</summary>
    static List<MapEntrySpec> ReadContents(BpfSection section, BpfSymbol map, uint valuesOffset)
    {
        ulong start = map.Value + valuesOffset;
        var contents = new List<MapEntrySpec>();
        foreach (var relocation in section.Relocations.Where(r => r.Offset >= start && r.Offset < map.Value + map.Size).OrderBy(r => r.Offset))
        {
            string where = $"relocation at offset {relocation.Offset} of section '{Name}' (map '{map.Name}' values)";
            if (relocation.Type != BpfRelocationType.Abs64)
                throw new BpfElfException($"{where} has type {relocation.Type}, not R_BPF_64_ABS64");
            if ((relocation.Offset - start) % sizeof(ulong) != 0)
                throw new BpfElfException($"{where} is not on a pointer slot");
            if (relocation.Symbol.SectionIndex is null || relocation.Symbol.Name.Length == 0)
                throw new BpfElfException($"{where} refers to an undefined or unnamed symbol");
            var key = new byte[sizeof(uint)];
            BinaryPrimitives.WriteUInt32LittleEndian(key, (uint)((relocation.Offset - start) / sizeof(ulong)));
            contents.Add(new MapEntrySpec(key, ReadOnlyMemory<byte>.Empty, relocation.Symbol.Name));
        }
        return contents;
    }
}
