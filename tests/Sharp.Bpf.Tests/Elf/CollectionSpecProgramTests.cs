using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Programs read from the corpus: which functions are programs, their types, and how subprograms are linked in,
/// checked against llvm-readelf.</summary>
public sealed class CollectionSpecProgramTests
{
    public static TheoryData<string> Corpus => new(LoaderCorpus.AllPrograms);

    /// <summary>The subprograms each program reaches, directly or through other subprograms.</summary>
    public static TheoryData<string, string, string[]> Callees => new()
    {
        { "shared_subprogram.c", "xdp_first", ["classify", "scramble"] },
        { "shared_subprogram.c", "xdp_second", ["classify", "scramble"] },
        { "shared_subprogram.c", "xdp_third", [] },
        { "shared_subprogram.c", "tc_classify", ["classify", "scramble"] },
        { "loop_callback.c", "sum_indices", ["add_index"] },
        { "globals.c", "count_packets", [] },
        { "flat_probe.c", "flat_probe", [] },
        { "tail_calls.c", "tail_entry", [] },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_function_outside_text_is_a_program_named_after_it_in_its_section(string source)
    {
        var path = LoaderCorpus.Compile(source);
        var expected = ReadElf.Symbols(path).Where(s => s.Type == "FUNC" && s.Section != ".text")
            .OrderBy(s => s.Section, StringComparer.Ordinal).ThenBy(s => s.Value).Select(s => (s.Name, s.Section));

        var programs = CollectionSpec.ReadFile(path).Programs.Values;

        Assert.Equal(expected.OrderBy(p => p.Section, StringComparer.Ordinal), programs.Select(p => (p.Name, p.SectionName)).OrderBy(p => p.SectionName, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callees))]
    public void A_linked_program_is_its_own_code_followed_by_each_subprogram_it_reaches_once(string source, string program, string[] callees)
    {
        var path = LoaderCorpus.Compile(source);
        var sizes = ReadElf.Symbols(path).Where(s => s.Type == "FUNC").ToDictionary(s => s.Name, s => (int)(s.Size / 8));

        var linked = CollectionSpec.ReadFile(path).Programs[program];

        Assert.Equal(sizes[program] + callees.Sum(c => sizes[c]), linked.Instructions.Sum(i => i.SlotCount));
    }

    [Theory]
    [MemberData(nameof(Callees))]
    public void Each_linked_function_has_a_func_info_at_the_slot_where_it_starts(string source, string program, string[] callees)
    {
        var linked = LoaderCorpus.Read(source).Programs[program];

        Assert.Equal(1 + callees.Length, linked.FunctionInfos.Count);
        Assert.Equal(0u, linked.FunctionInfos[0].InstructionOffset);
        Assert.Equal(linked.FunctionInfos.Select(f => f.InstructionOffset).Order(), linked.FunctionInfos.Select(f => f.InstructionOffset));
    }

    [Theory]
    [MemberData(nameof(Callees))]
    public void Every_local_call_and_code_address_lands_on_a_linked_function(string source, string program, string[] _)
    {
        var linked = LoaderCorpus.Read(source).Programs[program];
        var starts = linked.FunctionInfos.Select(f => (int)f.InstructionOffset).ToHashSet();

        int slot = 0;
        foreach (var instruction in linked.Instructions)
        {
            if ((instruction.IsCall && instruction.CallKind == CallKind.Local) || (instruction.IsWide && instruction.LoadImmediateKind == LoadImmediateKind.CodeAddress))
                Assert.Contains(slot + instruction.Immediate + 1, starts);
            slot += instruction.SlotCount;
        }
    }

    [Fact]
    public void A_bpf_loop_callback_is_appended_and_its_address_load_points_at_it()
    {
        var linked = LoaderCorpus.Read("loop_callback.c").Programs["sum_indices"];

        var load = Assert.Single(linked.Instructions, i => i.IsWide && i.LoadImmediateKind == LoadImmediateKind.CodeAddress);
        int slot = linked.Instructions.TakeWhile(i => i != load).Sum(i => i.SlotCount);
        Assert.Equal(linked.FunctionInfos[1].InstructionOffset, (uint)(slot + load.Immediate + 1));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Line_info_starts_at_the_first_instruction_and_stays_inside_the_program_in_order(string source)
    {
        foreach (var program in LoaderCorpus.Read(source).Programs.Values)
        {
            int slots = program.Instructions.Sum(i => i.SlotCount);
            Assert.Equal(0u, program.LineInfos[0].InstructionOffset);
            Assert.All(program.LineInfos, l => Assert.InRange(l.InstructionOffset, 0u, (uint)slots - 1));
            Assert.Equal(program.LineInfos.Select(l => l.InstructionOffset).Order(), program.LineInfos.Select(l => l.InstructionOffset));
            Assert.All(program.LineInfos, l => Assert.EndsWith(source, l.FileName));
        }
    }

    [Fact]
    public void Several_programs_in_one_section_each_get_the_section_type()
    {
        var programs = LoaderCorpus.Read("shared_subprogram.c").Programs.Values;

        Assert.Equal(["xdp_first", "xdp_second", "xdp_third"], programs.Where(p => p.SectionName == "xdp").Select(p => p.Name));
        Assert.All(programs.Where(p => p.SectionName == "xdp"), p => Assert.Equal((ProgramType.Xdp, AttachType.Xdp), (p.Type, p.AttachType)));
        Assert.Equal(ProgramType.SchedClassifier, programs.Single(p => p.SectionName == "tc").Type);
    }

    [Fact]
    public void A_tracepoint_program_attaches_to_the_category_and_name_after_the_prefix()
    {
        var program = LoaderCorpus.Read("loop_callback.c").Programs["sum_indices"];

        Assert.Equal((ProgramType.Tracepoint, "syscalls/sys_enter_getpid"), (program.Type, program.AttachTo));
    }

    [Theory]
    [InlineData("shared_subprogram.c", "Dual BSD/GPL", 0u)]
    [InlineData("legacy_maps.c", "GPL", 0x061200u)]
    [InlineData("globals.c", "GPL", 0u)]
    public void License_and_kernel_version_are_copied_into_every_program(string source, string license, uint version)
    {
        var spec = LoaderCorpus.Read(source);

        Assert.Equal(license, spec.License);
        Assert.All(spec.Programs.Values, p => Assert.Equal((license, version), (p.License, p.KernelVersion)));
    }
}
