using System.Text;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Lays out and writes what a <see cref="BpfObjectBuilder"/> collected: code sections (<c>.text</c> first, then program
/// sections in the order first used), data sections, <c>.maps</c>, <c>license</c>, DWARF, <c>.BTF</c> and <c>.BTF.ext</c>.</summary>
internal static class BpfObjectWriter
{
    const string TextSection = ".text";
    const string MapsSection = ".maps";
    const string LicenseSection = "license";

    /// <summary>A function placed in its code section.</summary>
    sealed class PlacedFunction(FunctionDefinition function, BtfFunctionLinkage linkage, CodeLayout section, int startSlot)
    {
        public FunctionDefinition Function { get; } = function;
        public BtfFunctionLinkage Linkage { get; } = linkage;
        public CodeLayout Section { get; } = section;
        public int StartSlot { get; } = startSlot;
        public int[] Slots { get; } = SlotsOf(function.Instructions);
        public int SlotCount => Slots.Length == 0 ? 0 : Slots[^1] + Function.Instructions[^1].SlotCount;
        public ulong ByteOffsetOf(int index) => (ulong)(StartSlot + Slots[index]) * Instruction.SlotSize;
        public uint FunctionTypeId { get; set; }
    }

    sealed class CodeLayout(string name)
    {
        public string Name { get; } = name;
        public List<PlacedFunction> Functions { get; } = [];
        public int SlotCount { get; set; }
        public RelocatableElfWriter.Section? Section { get; set; }
    }

    sealed record PlacedGlobal(GlobalDefinition Global, uint Offset, uint Size, DataLayout Section);

    sealed class DataLayout(string name)
    {
        public string Name { get; } = name;
        public List<PlacedGlobal> Variables { get; } = [];
        public uint Size { get; set; }
        public uint Alignment { get; set; } = 1;
        public RelocatableElfWriter.Section? Section { get; set; }
    }

    public static byte[] Write(string license, IReadOnlyList<BtfType> types,
        IReadOnlyList<(string SectionName, FunctionDefinition Function)> programs,
        IReadOnlyList<(FunctionDefinition Function, BtfFunctionLinkage Linkage)> subprograms,
        IReadOnlyList<MapDefinition> maps, IReadOnlyList<GlobalDefinition> globals)
    {
        var btf = new BtfBuilder();
        foreach (var type in types) btf.Add(type);
        var callerTypes = ParseCallerTypes(btf);

        var code = LayOutCode(programs, subprograms);
        var functions = code.SelectMany(c => c.Functions).ToDictionary(f => f.Function.Name, StringComparer.Ordinal);
        foreach (var function in functions.Values)
            if (function.Function.PrototypeTypeId >= (uint)callerTypes.Types.Count || callerTypes[function.Function.PrototypeTypeId] is not BtfFunctionProto)
                throw new InvalidOperationException($"function '{function.Function.Name}': prototype type id {function.Function.PrototypeTypeId} is not a FUNC_PROTO added with {nameof(BpfObjectBuilder.AddType)}");
        CheckLinesAllOrNone(functions.Values);
        var data = LayOutData(globals, callerTypes);
        var placedGlobals = data.SelectMany(d => d.Variables).ToDictionary(g => g.Global.Name, StringComparer.Ordinal);
        foreach (var map in maps)
        {
            SizeOf(callerTypes, map.KeyTypeId, $"map '{map.Name}' key");
            SizeOf(callerTypes, map.ValueTypeId, $"map '{map.Name}' value");
        }

        var elf = new RelocatableElfWriter();
        if (functions.Values.SelectMany(f => f.Function.Lines).FirstOrDefault() is { } firstLine)
            elf.AddFileSymbol(FileName(firstLine.FilePath));
        foreach (var section in code)
        {
            section.Section = elf.AddSection(section.Name, RelocatableElfWriter.FlagAlloc | RelocatableElfWriter.FlagExecute, [], Instruction.SlotSize);
            elf.SectionSymbolOf(section.Section);
        }
        foreach (var section in data)
        {
            bool zeroed = section.Name.StartsWith(".bss", StringComparison.Ordinal);
            ulong flags = RelocatableElfWriter.FlagAlloc | (section.Name.StartsWith(".rodata", StringComparison.Ordinal) ? 0 : RelocatableElfWriter.FlagWrite);
            section.Section = zeroed
                ? elf.AddZeroSection(section.Name, flags, section.Size, section.Alignment)
                : elf.AddSection(section.Name, flags, InitialContents(section), section.Alignment);
            elf.SectionSymbolOf(section.Section);
        }

        var mapEncoder = new MapDefinitionEncoder(btf, callerTypes);
        var mapSymbols = new Dictionary<string, RelocatableElfWriter.Symbol>(StringComparer.Ordinal);
        var mapVariables = new List<BtfSectionVariable>();
        if (maps.Count > 0)
        {
            var encoded = maps.Select(m => (Map: m, Definition: mapEncoder.Encode(m))).ToList();
            var mapsSection = elf.AddSection(MapsSection, RelocatableElfWriter.FlagAlloc | RelocatableElfWriter.FlagWrite,
                new byte[encoded.Sum(e => e.Definition.Size)], sizeof(ulong));
            uint offset = 0;
            foreach (var (map, (typeId, size)) in encoded)
            {
                mapSymbols.Add(map.Name, elf.AddSymbol(map.Name, RelocatableElfWriter.SymbolObject, true, mapsSection, offset, size));
                uint variable = btf.Add(new BtfVariable(map.Name, typeId, BtfVariableLinkage.Global));
                mapVariables.Add(new BtfSectionVariable(variable, offset, size));
                offset += size;
            }
        }
        elf.AddSection(LicenseSection, RelocatableElfWriter.FlagAlloc | RelocatableElfWriter.FlagWrite, [.. Encoding.UTF8.GetBytes(license), 0], 1);

        foreach (var section in code)
            section.Section!.Data = Encode(elf, section, functions, mapSymbols, placedGlobals);
        foreach (var function in functions.Values)
            elf.AddSymbol(function.Function.Name, RelocatableElfWriter.SymbolFunction, function.Linkage == BtfFunctionLinkage.Global,
                function.Section.Section!, function.ByteOffsetOf(0), (ulong)function.SlotCount * Instruction.SlotSize);
        foreach (var global in placedGlobals.Values)
            elf.AddSymbol(global.Global.Name, RelocatableElfWriter.SymbolObject, true, global.Section.Section!, global.Offset, global.Size);

        DwarfLineTableWriter.Write(elf, [.. code.Select(c => new DwarfLineTableWriter.CodeLines(c.Section!, [.. LinesOf(c)
            .Select(l => new DwarfLineTableWriter.Row(l.ByteOffset, l.Line.FilePath, l.Line.Line, l.Line.Column))],
            [.. c.Functions.Select(f => new DwarfLineTableWriter.Function(f.Function.Name, f.ByteOffsetOf(0),
                (ulong)f.SlotCount * Instruction.SlotSize, f.Linkage == BtfFunctionLinkage.Global))]))]);

        foreach (var function in functions.Values)
            function.FunctionTypeId = btf.Add(new BtfFunction(function.Function.Name, function.Function.PrototypeTypeId, function.Linkage));
        foreach (var section in data)
        {
            var variables = section.Variables.Select(v => new BtfSectionVariable(
                btf.Add(new BtfVariable(v.Global.Name, v.Global.TypeId, BtfVariableLinkage.Global)), v.Offset, v.Size)).ToList();
            btf.Add(new BtfDataSection(section.Name, section.Size, variables));
        }
        if (mapVariables.Count > 0) btf.Add(new BtfDataSection(MapsSection, (uint)mapVariables.Sum(v => v.Size), mapVariables));
        var ext = BuildExt(btf, code);
        elf.AddSection(".BTF", 0, btf.Build(), 4);
        elf.AddSection(".BTF.ext", 0, ext, 4);
        return elf.Write();
    }

    static BtfSpec ParseCallerTypes(BtfBuilder btf)
    {
        try
        {
            return BtfSpec.Parse(btf.Build());
        }
        catch (BtfFormatException e)
        {
            throw new InvalidOperationException($"the BTF types added are invalid: {e.Message}", e);
        }
    }

    static List<CodeLayout> LayOutCode(IReadOnlyList<(string SectionName, FunctionDefinition Function)> programs,
        IReadOnlyList<(FunctionDefinition Function, BtfFunctionLinkage Linkage)> subprograms)
    {
        var sections = new List<CodeLayout>();
        if (subprograms.Count > 0) sections.Add(new CodeLayout(TextSection));
        foreach (var (name, _) in programs)
            if (!sections.Any(s => s.Name == name)) sections.Add(new CodeLayout(name));
        foreach (var (function, linkage) in subprograms) Place(sections[0], function, linkage);
        foreach (var (name, function) in programs) Place(sections.First(s => s.Name == name), function, BtfFunctionLinkage.Global);
        return sections;

        static void Place(CodeLayout section, FunctionDefinition function, BtfFunctionLinkage linkage)
        {
            var placed = new PlacedFunction(function, linkage, section, section.SlotCount);
            section.Functions.Add(placed);
            section.SlotCount += placed.SlotCount;
        }
    }

    static int[] SlotsOf(IReadOnlyList<Instruction> instructions)
    {
        var slots = new int[instructions.Count];
        for (int i = 1; i < slots.Length; i++) slots[i] = slots[i - 1] + instructions[i - 1].SlotCount;
        return slots;
    }

    static void CheckLinesAllOrNone(IEnumerable<PlacedFunction> functions)
    {
        var (with, without) = (functions.Where(f => f.Function.Lines.Count > 0).ToList(), functions.Where(f => f.Function.Lines.Count == 0).ToList());
        if (with.Count > 0 && without.Count > 0)
            throw new InvalidOperationException($"function '{without[0].Function.Name}' has no source lines while '{with[0].Function.Name}' has; the kernel needs a line at the start of every function once any has one");
    }

    static List<DataLayout> LayOutData(IReadOnlyList<GlobalDefinition> globals, BtfSpec callerTypes)
    {
        var sections = new List<DataLayout>();
        foreach (var global in globals)
        {
            uint size = SizeOf(callerTypes, global.TypeId, $"global '{global.Name}'");
            if (!global.InitialValue.IsEmpty && global.InitialValue.Length != size)
                throw new InvalidOperationException($"global '{global.Name}': the initial value is {global.InitialValue.Length} bytes, its type {size}");
            var section = sections.FirstOrDefault(s => s.Name == global.SectionName);
            if (section is null) sections.Add(section = new DataLayout(global.SectionName));
            // The largest power of two dividing the size, up to 8, is never less than the type's alignment.
            uint alignment = Math.Min(8u, size & (uint)-(int)size);
            uint offset = (section.Size + alignment - 1) / alignment * alignment;
            section.Variables.Add(new PlacedGlobal(global, offset, size, section));
            section.Size = offset + size;
            section.Alignment = Math.Max(section.Alignment, alignment);
        }
        return sections;
    }

    static uint SizeOf(BtfSpec types, uint typeId, string what)
    {
        if (typeId == 0 && !what.StartsWith("global", StringComparison.Ordinal)) return 0;
        if (typeId >= (uint)types.Types.Count)
            throw new InvalidOperationException($"{what}: type id {typeId} was not added with {nameof(BpfObjectBuilder.AddType)} ({types.Types.Count - 1} types were)");
        return types.TrySizeOf(typeId, out uint size) && size > 0
            ? size
            : throw new InvalidOperationException($"{what}: BTF type [{typeId}] {types[typeId].Kind} '{types[typeId].Name}' has no size");
    }

    static byte[] InitialContents(DataLayout section)
    {
        var contents = new byte[section.Size];
        foreach (var variable in section.Variables) variable.Global.InitialValue.Span.CopyTo(contents.AsSpan((int)variable.Offset));
        return contents;
    }

    /// <summary>Encodes a code section, completing each referencing instruction as clang leaves it and adding its relocation.</summary>
    static byte[] Encode(RelocatableElfWriter elf, CodeLayout section, Dictionary<string, PlacedFunction> functions,
        Dictionary<string, RelocatableElfWriter.Symbol> maps, Dictionary<string, PlacedGlobal> globals)
    {
        var bytes = new byte[section.SlotCount * Instruction.SlotSize];
        foreach (var function in section.Functions)
        {
            var instructions = function.Function.Instructions.ToArray();
            foreach (var reference in function.Function.References)
            {
                int index = reference.InstructionIndex;
                string where = $"function '{function.Function.Name}' instruction {index}";
                var (instruction, symbol, type) = reference switch
                {
                    MapLoad load => maps.TryGetValue(load.MapName, out var map)
                        ? (instructions[index] with { Source = Register.R0, Immediate = 0, NextImmediate = 0 }, map, BpfRelocationType.Imm64)
                        : throw new InvalidOperationException($"{where} loads map '{load.MapName}', which was not added"),
                    GlobalLoad load => GlobalTarget(elf, instructions[index], load, globals, where),
                    SubprogramCall call => CallTarget(elf, instructions[index], call, functions, where),
                    SubprogramAddress address => AddressTarget(elf, instructions[index], address, functions, where),
                    _ => throw new InvalidOperationException($"{where}: unknown reference {reference}"),
                };
                instructions[index] = instruction;
                section.Section!.Relocations.Add(new(function.ByteOffsetOf(index), symbol, type));
            }
            for (int i = 0; i < instructions.Length; i++)
                instructions[i].WriteTo(bytes.AsSpan((int)function.ByteOffsetOf(i)));
        }
        section.Section!.Relocations.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return bytes;
    }

    static (Instruction, RelocatableElfWriter.Symbol, BpfRelocationType) GlobalTarget(RelocatableElfWriter elf, Instruction instruction,
        GlobalLoad load, Dictionary<string, PlacedGlobal> globals, string where)
    {
        if (!globals.TryGetValue(load.GlobalName, out var global))
            throw new InvalidOperationException($"{where} loads the address of global '{load.GlobalName}', which was not added");
        if (load.Offset >= global.Size)
            throw new InvalidOperationException($"{where} loads offset {load.Offset} of global '{load.GlobalName}', which is {global.Size} bytes");
        return (instruction with { Source = Register.R0, Immediate = (int)(global.Offset + load.Offset), NextImmediate = 0 },
            elf.SectionSymbolOf(global.Section.Section!), BpfRelocationType.Imm64);
    }

    static (Instruction, RelocatableElfWriter.Symbol, BpfRelocationType) CallTarget(RelocatableElfWriter elf, Instruction instruction,
        SubprogramCall call, Dictionary<string, PlacedFunction> functions, string where)
    {
        if (!functions.TryGetValue(call.SubprogramName, out var callee) || callee.Section.Name != TextSection)
            throw new InvalidOperationException($"{where} calls '{call.SubprogramName}', which was not added as a subprogram");
        // With the relocation against the section symbol, the immediate counts slots from the section start, minus the one
        // that a call's offset is relative to.
        return (instruction with { Source = (Register)CallKind.Local, Immediate = callee.StartSlot - 1 },
            elf.SectionSymbolOf(callee.Section.Section!), BpfRelocationType.Call32);
    }

    static (Instruction, RelocatableElfWriter.Symbol, BpfRelocationType) AddressTarget(RelocatableElfWriter elf, Instruction instruction,
        SubprogramAddress address, Dictionary<string, PlacedFunction> functions, string where)
    {
        if (!functions.TryGetValue(address.SubprogramName, out var target) || target.Section.Name != TextSection)
            throw new InvalidOperationException($"{where} loads the address of '{address.SubprogramName}', which was not added as a subprogram");
        return (instruction with { Source = (Register)LoadImmediateKind.CodeAddress, Immediate = target.StartSlot * Instruction.SlotSize, NextImmediate = 0 },
            elf.SectionSymbolOf(target.Section.Section!), BpfRelocationType.Imm64);
    }

    static IEnumerable<(ulong ByteOffset, SourceLine Line)> LinesOf(CodeLayout section) =>
        section.Functions.SelectMany(f => f.Function.Lines.OrderBy(l => l.InstructionIndex).Select(l => (f.ByteOffsetOf(l.InstructionIndex), l)));

    static byte[] BuildExt(BtfBuilder btf, List<CodeLayout> code)
    {
        var functionBlocks = code.Select(c => new BtfExtWriter.FunctionBlock(btf.AddString(c.Name),
            [.. c.Functions.Select(f => ((uint)f.ByteOffsetOf(0), f.FunctionTypeId))])).ToList();
        var lineBlocks = code.Select(c => new BtfExtWriter.LineBlock(btf.AddString(c.Name), [.. LinesOf(c)
                .Select(l => new BtfExtWriter.LineRecord((uint)l.ByteOffset, btf.AddString(l.Line.FilePath), btf.AddString(l.Line.Text), (uint)l.Line.Line, (uint)l.Line.Column))]))
            .Where(b => b.Records.Count > 0).ToList();
        return BtfExtWriter.Write(functionBlocks, lineBlocks);
    }

    static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
}
