using Sharp.Bpf.Asm;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf run</c>: the bpf_conformance plugin protocol against the running kernel.</summary>
public sealed class RunCommandTests
{
    static (int Exit, string Stdout, string Stderr) Run(string programBase16, string? memoryBase16 = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = RunCommand.Execute(new StringReader(programBase16), stdout, stderr, memoryBase16);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    static string Program(params Instruction[] instructions) => Convert.ToHexStringLower(InstructionEncoder.Encode(instructions));

    [Fact]
    public void Prints_all_64_bits_of_r0_in_lowercase_hex_without_prefix()
    {
        Privileged.RequireRoot();
        var (exit, stdout, stderr) = Run(Program(Instruction.LoadImmediate64(Register.R0, 0x1122334455667788), Instruction.Exit()));
        Assert.Equal(0, exit);
        Assert.Equal("1122334455667788\n", stdout.ReplaceLineEndings("\n"));
        Assert.Empty(stderr);
    }

    [Fact]
    public void Accepts_the_program_with_whitespace_between_bytes_as_the_suite_sends_it()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Run("b7  00  00  00  2a  00  00  00  95  00  00  00  00  00  00  00  \n");
        Assert.Equal(0, exit);
        Assert.Equal("2a", stdout.Trim());
    }

    [Fact]
    public void R1_points_at_the_memory()
    {
        Privileged.RequireRoot();
        var (exit, stdout, stderr) = Run(Program(Instruction.Load(MemorySize.Byte, Register.R0, Register.R1, 0), Instruction.Exit()), "ab cd");
        Assert.True(exit == 0, stderr);
        Assert.Equal("ab", stdout.Trim());
    }

    [Fact]
    public void R2_holds_the_memory_length()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Run(Program(Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R2), Instruction.Exit()), "010203");
        Assert.Equal(0, exit);
        Assert.Equal("3", stdout.Trim());
    }

    [Fact]
    public void Memory_longer_than_an_ethernet_header_is_all_visible()
    {
        Privileged.RequireRoot();
        var memory = string.Concat(Enumerable.Range(0, 32).Select(i => $"{i:x2}"));
        var (exit, stdout, stderr) = Run(Program(Instruction.Load(MemorySize.Byte, Register.R0, Register.R1, 31), Instruction.Exit()), memory);
        Assert.True(exit == 0, stderr);
        Assert.Equal("1f", stdout.Trim());
    }

    [Fact]
    public void Without_memory_r1_and_r2_are_zero()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Run(Program(
            Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R1),
            Instruction.Alu64(AluOperation.Or, Register.R0, Register.R2),
            Instruction.Alu64(AluOperation.Add, Register.R0, 7),
            Instruction.Exit()));
        Assert.Equal(0, exit);
        Assert.Equal("7", stdout.Trim());
    }

    [Fact]
    public void Empty_memory_argument_means_no_memory()
    {
        Privileged.RequireRoot();
        var (exit, stdout, _) = Run(Program(Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R2), Instruction.Exit()), "");
        Assert.Equal(0, exit);
        Assert.Equal("0", stdout.Trim());
    }

    [Fact]
    public void Malformed_program_base16_exits_2_naming_the_character_offset()
    {
        var (exit, stdout, stderr) = Run("b7 00 0g");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Equal("sharp-bpf run: program on stdin: base16: 'g' at character 7 is not a hex digit", stderr.Trim());
    }

    [Fact]
    public void Malformed_memory_base16_exits_2_naming_the_character_offset()
    {
        var (exit, _, stderr) = Run(Program(Instruction.Exit()), "01 2");
        Assert.Equal(2, exit);
        Assert.Equal("sharp-bpf run: memory argument: base16: lone hex digit '2' at character 3; bytes need two digits", stderr.Trim());
    }

    [Fact]
    public void Invalid_instruction_encoding_exits_1_naming_the_byte_offset()
    {
        var (exit, stdout, stderr) = Run("b700000001000000 ff00000000000000");
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("sharp-bpf run: at byte offset 8 (instruction 1): ", stderr);
    }

    [Fact]
    public void Empty_program_exits_1()
    {
        var (exit, _, stderr) = Run("\n");
        Assert.Equal(1, exit);
        Assert.Contains("the program is empty", stderr);
    }

    [Fact]
    public void Verifier_rejection_exits_1_with_the_kernels_reason()
    {
        Privileged.RequireRoot();
        var (exit, stdout, stderr) = Run(Program(Instruction.Load(MemorySize.Byte, Register.R0, Register.R1, 0), Instruction.Exit()));
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("the verifier rejected program 'conformance'", stderr);
        Assert.Contains("(r0 = *(u8 *)(r1 +0)): R1 invalid mem access 'scalar'", stderr);
        Assert.Contains("the test program starts at instruction 16", stderr);
    }

    [Fact]
    public void Runs_as_the_conformance_plugin_process()
    {
        Privileged.RequireRoot();
        var result = CliProcess.Run(Program(Instruction.Load(MemorySize.Half, Register.R0, Register.R1, 0), Instruction.Exit()) + "\n", "run", "3412");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1234", result.Stdout.Trim());
    }

    [Fact]
    public void Accepts_the_empty_plugin_options_the_suite_runner_appends()
    {
        Privileged.RequireRoot();
        var result = CliProcess.Run(Program(Instruction.Alu64(AluOperation.Mov, Register.R0, 7), Instruction.Exit()), "run", "", "");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("7", result.Stdout.Trim());
    }

    [Fact]
    public void Rejects_an_unknown_plugin_option()
    {
        var result = CliProcess.Run("", "run", "", "--jit");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown plugin option '--jit'", result.Stderr);
    }
}
