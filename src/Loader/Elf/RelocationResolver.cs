using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Elf;

/// <summary>Resolves the relocations of code sections: <c>R_BPF_64_64</c> on an <c>lddw</c> of a map, of global data
/// (plus the implicit addend clang leaves in the immediate) or of a function's address, and <c>R_BPF_64_32</c> on a call.</summary>
internal sealed class RelocationResolver(
    IReadOnlyDictionary<int, CodeSection> codeBySectionIndex,
    IReadOnlyDictionary<int, IReadOnlyDictionary<ulong, string>> mapsBySectionIndex,
    IReadOnlyDictionary<int, string> dataMapBySectionIndex)
{
    /// <summary>Fills <see cref="CodeSection.Targets"/> of <paramref name="code"/>.</summary>
    /// <exception cref="BpfElfException">A relocation lies outside its section or not on an instruction, patches an
    /// instruction that is neither an <c>lddw</c> nor a call, has a type code does not use, or refers to an undefined
    /// symbol or to something that is neither a map, global data nor code. The message names the section and offset.</exception>
    public void Resolve(CodeSection code)
    {
        foreach (var relocation in code.Section.Relocations)
        {
            string where = $"relocation at offset {relocation.Offset} of section '{code.Name}'";
            if (relocation.Offset >= (ulong)code.Section.Data.Length)
                throw new BpfElfException($"{where} is past the end of the section ({code.Section.Data.Length} bytes)");
            int index = relocation.Offset % Instruction.SlotSize == 0 ? code.IndexAtSlot((int)(relocation.Offset / Instruction.SlotSize)) : -1;
            if (index < 0)
                throw new BpfElfException($"{where} does not point at the start of an instruction");
            var instruction = code.Instructions[index];
            var symbol = relocation.Symbol;
            if (symbol.SectionIndex is not { } symbolSection)
                throw new BpfElfException($"{where} refers to the undefined symbol '{symbol.Name}'; extern functions, kfuncs and ksyms are not supported");
            code.Targets[index] = relocation.Type switch
            {
                BpfRelocationType.Imm64 when instruction.IsWide => ResolveLoad(where, instruction, symbol, symbolSection),
                BpfRelocationType.Call32 when instruction.IsCall => ResolveCall(where, instruction, symbol, symbolSection),
                BpfRelocationType.Imm64 or BpfRelocationType.Call32 =>
                    throw new BpfElfException($"{where} ({relocation.Type}) patches '{instruction}', which is not {(relocation.Type == BpfRelocationType.Imm64 ? "an lddw" : "a call")}"),
                _ => throw new BpfElfException($"{where} has type {relocation.Type}, which code sections do not use"),
            };
        }
    }

    RelocationTarget ResolveLoad(string where, Instruction instruction, BpfSymbol symbol, int symbolSection)
    {
        if (mapsBySectionIndex.TryGetValue(symbolSection, out var maps))
        {
            // A section symbol (a static map) carries the map's offset in the immediate.
            ulong offset = symbol.Kind == BpfSymbolKind.Section ? (ulong)(uint)instruction.Immediate : symbol.Value;
            return maps.TryGetValue(offset, out var name)
                ? new MapTarget(name, null)
                : throw new BpfElfException($"{where} refers to offset {offset} of the map section, where no map is defined");
        }
        if (dataMapBySectionIndex.TryGetValue(symbolSection, out var dataMap))
        {
            ulong offset = symbol.Value + (ulong)(uint)instruction.Immediate;
            return offset <= uint.MaxValue
                ? new MapTarget(dataMap, (uint)offset)
                : throw new BpfElfException($"{where} refers to offset {offset} of '{dataMap}', past 4 GiB");
        }
        if (codeBySectionIndex.TryGetValue(symbolSection, out var code))
            return CodeTargetAt(where, code, symbol.Value + (ulong)(long)instruction.Immediate, "byte offset");
        throw new BpfElfException($"{where} loads the address of '{symbol.Name}', which is neither a map, global data nor code");
    }

    RelocationTarget ResolveCall(string where, Instruction instruction, BpfSymbol symbol, int symbolSection)
    {
        if (!codeBySectionIndex.TryGetValue(symbolSection, out var code))
            throw new BpfElfException($"{where} calls '{symbol.Name}', which is not in a code section");
        // The immediate counts slots from the instruction after the call, relative to the symbol.
        long slot = (long)(symbol.Value / Instruction.SlotSize) + instruction.Immediate + 1;
        return CodeTargetAt(where, code, (ulong)slot * Instruction.SlotSize, "call target");
    }

    static CodeTarget CodeTargetAt(string where, CodeSection code, ulong byteOffset, string what)
    {
        if (byteOffset % Instruction.SlotSize != 0 || byteOffset >= (ulong)code.SlotCount * Instruction.SlotSize
            || code.IndexAtSlot((int)(byteOffset / Instruction.SlotSize)) < 0)
            throw new BpfElfException($"{where}: {what} {(long)byteOffset} is not an instruction of section '{code.Name}'");
        return new CodeTarget(code, (int)(byteOffset / Instruction.SlotSize));
    }
}
