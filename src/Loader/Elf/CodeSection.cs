using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Elf;

/// <summary>An executable section decoded into instructions, with its functions and the targets of its relocated instructions.</summary>
internal sealed class CodeSection
{
    readonly Dictionary<int, int> indexBySlot = [];
    readonly List<int> slotByIndex = [];

    /// <summary>Decodes <paramref name="section"/>'s instructions and function symbols.</summary>
    /// <exception cref="BpfElfException">The code does not decode, or a function symbol lies outside the section or off a slot boundary.</exception>
    public CodeSection(BpfSection section)
    {
        Section = section;
        if (!InstructionDecoder.TryDecode(section.Data.Span, out var instructions, out var error))
            throw new BpfElfException($"section '{section.Name}': {error.Message}");
        Instructions = instructions;
        int slot = 0;
        foreach (var instruction in instructions)
        {
            indexBySlot.Add(slot, slotByIndex.Count);
            slotByIndex.Add(slot);
            slot += instruction.SlotCount;
        }
        SlotCount = slot;
        Functions = ReadFunctions();
    }

    /// <summary>The ELF section.</summary>
    public BpfSection Section { get; }
    /// <summary>The section name.</summary>
    public string Name => Section.Name;
    /// <summary>The decoded instructions, in order.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }
    /// <summary>The section's length in 8-byte slots.</summary>
    public int SlotCount { get; }
    /// <summary>The function symbols, by start slot.</summary>
    public IReadOnlyList<CodeFunction> Functions { get; }
    /// <summary>The resolved relocations, by the index of the instruction they patch.</summary>
    public Dictionary<int, RelocationTarget> Targets { get; } = [];

    /// <summary>The index of the instruction that starts at <paramref name="slot"/>, or -1 when no instruction starts there.</summary>
    public int IndexAtSlot(int slot) => indexBySlot.TryGetValue(slot, out int index) ? index : -1;

    /// <summary>The slot where instruction <paramref name="index"/> starts.</summary>
    public int SlotOf(int index) => slotByIndex[index];

    /// <summary>The function whose extent holds <paramref name="slot"/>, or null.</summary>
    public CodeFunction? FunctionAt(int slot) => Functions.FirstOrDefault(f => f.Contains(slot));

    List<CodeFunction> ReadFunctions()
    {
        var symbols = Section.Symbols.Where(s => s.Kind == BpfSymbolKind.Function).ToList();
        var functions = new List<CodeFunction>(symbols.Count);
        foreach (var symbol in symbols)
        {
            if (symbol.Value % Instruction.SlotSize != 0 || symbol.Size % Instruction.SlotSize != 0)
                throw new BpfElfException($"function '{symbol.Name}' in section '{Name}' is at offset {symbol.Value} with size {symbol.Size}, not whole instructions");
            if (symbol.Value > (ulong)Section.Data.Length || symbol.Size > (ulong)Section.Data.Length - symbol.Value)
                throw new BpfElfException($"function '{symbol.Name}' ({symbol.Size} bytes at offset {symbol.Value}) extends past the end of section '{Name}' ({Section.Data.Length} bytes)");
            int start = (int)(symbol.Value / Instruction.SlotSize);
            if (start < SlotCount && IndexAtSlot(start) < 0)
                throw new BpfElfException($"function '{symbol.Name}' in section '{Name}' starts inside an lddw at offset {symbol.Value}");
            // A function without a size (hand-written assembly) runs to the next function or the end of the section.
            int end = symbol.Size > 0
                ? start + (int)(symbol.Size / Instruction.SlotSize)
                : symbols.Select(s => (int)(s.Value / Instruction.SlotSize)).Where(s => s > start).DefaultIfEmpty(SlotCount).Min();
            if (end < SlotCount && IndexAtSlot(end) < 0)
                throw new BpfElfException($"function '{symbol.Name}' in section '{Name}' ends inside an lddw at offset {end * Instruction.SlotSize}");
            if (end > start) functions.Add(new CodeFunction(symbol.Name, this, start, end));
        }
        return functions;
    }
}
