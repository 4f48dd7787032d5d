using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Builder input mistakes are rejected with a message that names the item, when added or else when built.</summary>
public sealed class ObjectWriterErrorTests
{
    static readonly Instruction[] ReturnZero = [Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.Exit()];
    static readonly Instruction[] LoadThenReturn = [Instruction.LoadImmediate64(Register.R1, 0), .. ReturnZero];

    static (BpfObjectBuilder Builder, uint Proto, uint U32) NewBuilder()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint u32 = builder.AddType(new BtfInt("unsigned int", 4, BtfIntEncoding.None, 0, 32));
        return (builder, builder.AddType(new BtfFunctionProto(0, [])), u32);
    }

    [Fact]
    public void A_load_of_an_unknown_map_is_rejected_when_built()
    {
        var (builder, proto, _) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("prog", LoadThenReturn, proto) { References = [new MapLoad(0, "missing")] });

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("'prog'", error.Message);
        Assert.Contains("map 'missing'", error.Message);
    }

    [Fact]
    public void A_load_of_an_unknown_global_is_rejected_when_built()
    {
        var (builder, proto, _) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("prog", LoadThenReturn, proto) { References = [new GlobalLoad(0, "absent")] });

        Assert.Contains("global 'absent'", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void A_call_of_a_program_rather_than_a_subprogram_is_rejected_when_built()
    {
        var (builder, proto, _) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("first", ReturnZero, proto));
        builder.AddProgram("xdp", new FunctionDefinition("second", [Instruction.CallLocal(0), .. ReturnZero], proto) { References = [new SubprogramCall(0, "first")] });

        Assert.Contains("'first', which was not added as a subprogram", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void An_address_of_a_program_rather_than_a_subprogram_is_rejected_when_built()
    {
        var (builder, proto, _) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("first", ReturnZero, proto));
        builder.AddProgram("xdp", new FunctionDefinition("second", LoadThenReturn, proto) { References = [new SubprogramAddress(0, "first")] });

        Assert.Contains("loads the address of 'first', which was not added as a subprogram", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void A_reference_outside_the_instructions_is_rejected_when_added()
    {
        var (builder, proto, _) = NewBuilder();

        var error = Assert.Throws<ArgumentException>(() =>
            builder.AddProgram("xdp", new FunctionDefinition("prog", ReturnZero, proto) { References = [new MapLoad(5, "counts")] }));

        Assert.Contains("'prog'", error.Message);
        Assert.Contains("instruction 5 is outside its 2 instructions", error.Message);
    }

    [Fact]
    public void A_map_reference_on_an_instruction_that_is_not_an_lddw_is_rejected_when_added()
    {
        var (builder, proto, _) = NewBuilder();

        var error = Assert.Throws<ArgumentException>(() =>
            builder.AddProgram("xdp", new FunctionDefinition("prog", ReturnZero, proto) { References = [new MapLoad(0, "counts")] }));

        Assert.Contains("which is not an lddw", error.Message);
    }

    [Fact]
    public void A_call_reference_on_an_instruction_that_is_not_a_call_is_rejected_when_added()
    {
        var (builder, proto, _) = NewBuilder();

        var error = Assert.Throws<ArgumentException>(() =>
            builder.AddProgram("xdp", new FunctionDefinition("prog", ReturnZero, proto) { References = [new SubprogramCall(1, "helper")] }));

        Assert.Contains("which is not a call", error.Message);
    }

    [Fact]
    public void A_local_call_without_a_reference_is_rejected_when_added()
    {
        var (builder, proto, _) = NewBuilder();

        var error = Assert.Throws<ArgumentException>(() =>
            builder.AddProgram("xdp", new FunctionDefinition("prog", [Instruction.CallLocal(3), .. ReturnZero], proto)));

        Assert.Contains("instruction 0 is a BPF-to-BPF call without a SubprogramCall reference", error.Message);
    }

    [Theory]
    [InlineData("counts")]
    [InlineData("prog")]
    public void A_name_used_twice_is_rejected_when_added(string name)
    {
        var (builder, proto, u32) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("prog", ReturnZero, proto));
        builder.AddMap(new MapDefinition("counts", MapType.Array, 1) { KeyTypeId = u32, ValueTypeId = u32 });

        var error = Assert.Throws<ArgumentException>(() => builder.AddGlobal(new GlobalDefinition(name, ".bss", u32)));

        Assert.Contains($"'{name}' is already used", error.Message);
    }

    [Theory]
    [InlineData("kprobe.nonsense!")]
    [InlineData(".text")]
    [InlineData("xdp_prog")]
    public void A_section_name_that_follows_no_libbpf_convention_is_rejected_when_added(string sectionName)
    {
        var (builder, proto, _) = NewBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.AddProgram(sectionName, new FunctionDefinition("prog", ReturnZero, proto)));

        Assert.Contains($"section name '{sectionName}'", error.Message);
    }

    [Theory]
    [InlineData("2fast")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void A_name_that_is_not_a_c_identifier_is_rejected_when_added(string name)
    {
        var (builder, _, u32) = NewBuilder();

        Assert.Contains("is not a C identifier", Assert.Throws<ArgumentException>(() => builder.AddMap(new MapDefinition(name, MapType.Array, 1) { KeyTypeId = u32, ValueTypeId = u32 })).Message);
    }

    [Fact]
    public void Source_lines_without_one_on_the_first_instruction_are_rejected_when_added()
    {
        var (builder, proto, _) = NewBuilder();
        var function = new FunctionDefinition("prog", ReturnZero, proto) { Lines = [new SourceLine(1, "/src/A.cs", 3, 1, "return 0;")] };

        Assert.Contains("none for its first instruction", Assert.Throws<ArgumentException>(() => builder.AddProgram("xdp", function)).Message);
    }

    [Fact]
    public void Source_lines_on_some_functions_but_not_others_are_rejected_when_built()
    {
        var (builder, proto, _) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("with_lines", ReturnZero, proto) { Lines = [new SourceLine(0, "/src/A.cs", 3, 1, "return 0;")] });
        builder.AddProgram("xdp", new FunctionDefinition("without_lines", ReturnZero, proto));

        Assert.Contains("'without_lines' has no source lines", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void A_prototype_that_is_not_a_func_proto_is_rejected_when_built()
    {
        var (builder, _, u32) = NewBuilder();
        builder.AddProgram("xdp", new FunctionDefinition("prog", ReturnZero, u32));

        Assert.Contains("function 'prog': prototype type id 1 is not a FUNC_PROTO", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void An_initial_value_of_the_wrong_size_is_rejected_when_built()
    {
        var (builder, _, u32) = NewBuilder();
        builder.AddGlobal(new GlobalDefinition("limit", ".rodata", u32) { InitialValue = new byte[] { 1, 2 } });

        Assert.Contains("global 'limit': the initial value is 2 bytes, its type 4", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }

    [Fact]
    public void A_bss_variable_with_an_initial_value_is_rejected_when_added()
    {
        var (builder, _, u32) = NewBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddGlobal(new GlobalDefinition("zeroed", ".bss", u32) { InitialValue = new byte[4] }));
    }

    [Fact]
    public void A_map_key_type_that_was_never_added_is_rejected_when_built()
    {
        var (builder, _, u32) = NewBuilder();
        builder.AddMap(new MapDefinition("counts", MapType.Hash, 8) { KeyTypeId = 99, ValueTypeId = u32 });

        Assert.Contains("map 'counts' key: type id 99 was not added", Assert.Throws<InvalidOperationException>(builder.Build).Message);
    }
}
