using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Our own reader reads back what the writer wrote: programs, maps, globals, relocations, func_info and line_info.</summary>
public sealed class ObjectWriterReadBackTests
{
    [Fact]
    public void A_program_keeps_its_name_section_type_and_instructions()
    {
        var written = WrittenObjects.XdpCounter();
        var program = CollectionSpec.Read(written.Elf).Programs["count_packets"];

        Assert.Equal(("xdp", ProgramType.Xdp, AttachType.Xdp), (program.SectionName, program.Type, program.AttachType));
        Assert.Equal(WithoutLoadKinds(written.Functions["count_packets"].Instructions), WithoutLoadKinds(program.Instructions));
    }

    [Fact]
    public void A_subprogram_address_links_to_the_subprogram_copied_after_the_program()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint proto = builder.AddType(new BtfFunctionProto(0, []));
        Instruction[] returnZero = [Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit()];
        builder.AddSubprogram(new FunctionDefinition("padding", returnZero, proto));
        builder.AddSubprogram(new FunctionDefinition("callback", returnZero, proto));
        builder.AddProgram("xdp", new FunctionDefinition("prog", [Instruction.LoadImmediate64(Register.R2, 0), .. returnZero], proto) { References = [new SubprogramAddress(0, "callback")] });

        var program = CollectionSpec.Read(builder.Build()).Programs["prog"];

        // prog is 4 slots (lddw, mov, exit), then callback at slot 4 (padding, never referenced, is not linked in): the
        // kernel reads the address as slot lddw + imm + 1.
        var load = program.Instructions[0];
        Assert.Equal((LoadImmediateKind.CodeAddress, 3), (load.LoadImmediateKind, load.Immediate));
        Assert.Equal(returnZero, program.Instructions.Skip(3));
    }

    [Fact]
    public void A_map_load_becomes_a_map_reference_on_its_lddw()
    {
        var program = CollectionSpec.Read(WrittenObjects.XdpCounter().Elf).Programs["count_packets"];

        Assert.Equal([new MapReference(4, "counts")], program.MapReferences);
        Assert.Equal(LoadImmediateKind.MapByFd, program.Instructions[4].LoadImmediateKind);
    }

    [Fact]
    public void A_btf_defined_map_has_its_type_sizes_entries_and_btf_key_and_value()
    {
        var written = WrittenObjects.XdpCounter();
        var map = CollectionSpec.Read(written.Elf).Maps["counts"];

        Assert.Equal((MapType.Hash, 4u, 8u, 16u, 0u, MapPinning.None), (map.Type, map.KeySize, map.ValueSize, map.MaxEntries, map.Flags, map.Pinning));
        Assert.Equal((written.TypeIds["counter_key"], written.TypeIds["__u64"]), (map.BtfKeyTypeId, map.BtfValueTypeId));
    }

    [Fact]
    public void Map_flags_pinning_and_sizes_without_btf_types_are_encoded_as_libbpf_macros_do()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint proto = builder.AddType(new BtfFunctionProto(0, []));
        builder.AddMap(new MapDefinition("events", MapType.PerfEventArray, 0) { KeySize = 4, ValueSize = 4, Flags = 0, Pinning = MapPinning.ByName });
        builder.AddMap(new MapDefinition("sparse", MapType.Hash, 64) { KeySize = 8, ValueSize = 16, Flags = 1 });
        builder.AddProgram("xdp", new FunctionDefinition("pass", [Instruction.Alu64(AluOperation.Mov, Register.R0, 2), Instruction.Exit()], proto));

        var maps = CollectionSpec.Read(builder.Build()).Maps;

        Assert.Equal((MapType.PerfEventArray, 4u, 4u, 0u, 0u, MapPinning.ByName),
            (maps["events"].Type, maps["events"].KeySize, maps["events"].ValueSize, maps["events"].MaxEntries, maps["events"].Flags, maps["events"].Pinning));
        Assert.Equal((MapType.Hash, 8u, 16u, 64u, 1u, MapPinning.None),
            (maps["sparse"].Type, maps["sparse"].KeySize, maps["sparse"].ValueSize, maps["sparse"].MaxEntries, maps["sparse"].Flags, maps["sparse"].Pinning));
    }

    [Fact]
    public void Globals_are_laid_out_in_their_sections_with_initial_values_and_datasecs()
    {
        var spec = CollectionSpec.Read(WrittenObjects.SocketFilter().Elf);

        Assert.Equal(new GlobalVariable("snap_length", ".rodata", 0, 4, true), spec.Globals["snap_length"]);
        Assert.Equal(new GlobalVariable("generation", ".data", 0, 4, false), spec.Globals["generation"]);
        Assert.Equal(new GlobalVariable("packets", ".bss", 0, 8, false), spec.Globals["packets"]);
        Assert.Equal(new GlobalVariable("bytes", ".bss", 8, 8, false), spec.Globals["bytes"]);
        Assert.Equal([0x40, 0, 0, 0], spec.Maps[".rodata"].Contents.Single().Value.ToArray());
        Assert.Equal([7, 0, 0, 0], spec.Maps[".data"].Contents.Single().Value.ToArray());
        Assert.Equal(new byte[16], spec.Maps[".bss"].Contents.Single().Value.ToArray());
    }

    [Fact]
    public void A_global_load_becomes_a_map_value_reference_at_the_variables_offset()
    {
        var program = CollectionSpec.Read(WrittenObjects.SocketFilter().Elf).Programs["filter"];

        Assert.Equal([new MapReference(0, ".bss", 0), new MapReference(4, ".bss", 8), new MapReference(6, ".rodata", 0)], program.MapReferences);
    }

    [Fact]
    public void Subprograms_are_linked_after_their_caller_with_calls_pointing_at_them()
    {
        var written = WrittenObjects.TracepointWithSubprograms();
        var program = CollectionSpec.Read(written.Elf).Programs["on_switch"];

        // on_switch (4 slots), then scale (3), then add_one (3), each call relative to the instruction after it.
        Assert.Equal(10, program.Instructions.Count);
        Assert.Equal((CallKind.Local, 2), (program.Instructions[1].CallKind, program.Instructions[1].Immediate));
        Assert.Equal((CallKind.Local, 2), (program.Instructions[4].CallKind, program.Instructions[4].Immediate));
        Assert.Equal(written.Functions["add_one"].Instructions, program.Instructions.Skip(7));
    }

    [Fact]
    public void A_subprogram_is_in_text_as_a_function_symbol_of_its_linkage_and_size()
    {
        var symbols = BpfObjectFile.Read(WrittenObjects.TracepointWithSubprograms().Elf).Symbols
            .Where(s => s.Kind == BpfSymbolKind.Function).ToDictionary(s => s.Name);

        Assert.Equal((true, 0ul, 24ul), (symbols["add_one"].IsGlobal, symbols["add_one"].Value, symbols["add_one"].Size));
        Assert.Equal((false, 24ul, 24ul), (symbols["scale"].IsGlobal, symbols["scale"].Value, symbols["scale"].Size));
        Assert.Equal((true, 0ul, 32ul), (symbols["on_switch"].IsGlobal, symbols["on_switch"].Value, symbols["on_switch"].Size));
    }

    [Fact]
    public void Every_function_has_a_func_info_record_naming_its_btf_function()
    {
        var spec = CollectionSpec.Read(WrittenObjects.TracepointWithSubprograms().Elf);
        var program = spec.Programs["on_switch"];

        var functions = program.FunctionInfos.Select(f => (f.InstructionOffset, (BtfFunction)spec.Btf![f.TypeId])).ToList();

        Assert.Equal([0u, 4u, 7u], functions.Select(f => f.InstructionOffset));
        Assert.Equal(["on_switch", "scale", "add_one"], functions.Select(f => f.Item2.Name));
        Assert.Equal([BtfFunctionLinkage.Global, BtfFunctionLinkage.Static, BtfFunctionLinkage.Global], functions.Select(f => f.Item2.Linkage));
    }

    [Fact]
    public void Line_info_carries_the_file_line_column_and_text_of_each_annotated_instruction()
    {
        var written = WrittenObjects.XdpCounter();
        var program = CollectionSpec.Read(written.Elf).Programs["count_packets"];

        // Instruction 4 is an lddw, so instructions after it sit one slot further on.
        uint[] slots = [0, 2, 7, 8, 10];
        var expected = written.Functions["count_packets"].Lines.Select((l, i) => (slots[i], l.FilePath, l.Text, (uint)l.Line, (uint)l.Column));
        Assert.Equal(expected, program.LineInfos.Select(l => (l.InstructionOffset, l.FileName, l.Line, l.LineNumber, l.Column)));
    }

    [Fact]
    public void The_licence_is_in_the_license_section()
    {
        Assert.Equal("Dual MIT/GPL", CollectionSpec.Read(WrittenObjects.SocketFilter().Elf).License);
    }

    [Fact]
    public void The_btf_holds_the_callers_types_with_the_ids_it_was_given()
    {
        var written = WrittenObjects.XdpCounter();
        var btf = CollectionSpec.Read(written.Elf).Btf!;

        Assert.Equal(new BtfStruct("counter_key", 4, [new BtfMember("ifindex", written.TypeIds["__u32"], 0)]), btf[written.TypeIds["counter_key"]]);
        Assert.True(btf.TryFindType(".maps", BtfKind.DataSection, out _));
    }

    [Fact]
    public void Building_twice_gives_the_same_bytes()
    {
        Assert.Equal(WrittenObjects.TracepointWithSubprograms().Elf, WrittenObjects.TracepointWithSubprograms().Elf);
        Assert.Equal(WrittenObjects.SocketFilter().Elf, WrittenObjects.SocketFilter().Elf);
    }

    [Fact]
    public void Building_one_builder_twice_gives_the_same_bytes()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint proto = builder.AddType(new BtfFunctionProto(0, []));
        builder.AddMap(new MapDefinition("slots", MapType.Array, 4) { KeySize = 4, ValueSize = 8 });
        builder.AddProgram("socket", new FunctionDefinition("keep", [Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit()], proto));

        Assert.Equal(builder.Build(), builder.Build());
    }

    /// <summary>The instructions with the <c>lddw</c> kind and immediates cleared, which the writer and the loader each set.</summary>
    static IEnumerable<Instruction> WithoutLoadKinds(IEnumerable<Instruction> instructions) =>
        instructions.Select(i => i.IsWide ? i with { Source = Register.R0, Immediate = 0, NextImmediate = 0 } : i);
}
