using Sharp.Bpf.Inspect.Commands;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary><c>sharp-bpf asm</c>: assembly on stdin, base16 on stdout.</summary>
public sealed class AsmCommandTests
{
    static (int Exit, string Stdout, string Stderr) Asm(string source)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = AsmCommand.Execute(new StringReader(source), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_the_instruction_bytes_as_base16()
    {
        var (exit, stdout, stderr) = Asm("mov %r0, 42\nexit\n");
        Assert.Equal(0, exit);
        Assert.Equal("b70000002a0000009500000000000000", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public void Invalid_assembly_exits_1_with_the_line_and_reason()
    {
        var (exit, stdout, stderr) = Asm("mov %r0, 1\nor %r0, %r50\n");
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Equal("sharp-bpf asm: line 2: invalid register '%r50': registers are %r0 to %r10 (in 'or %r0, %r50')", stderr.Trim());
    }

    [Fact]
    public void Runs_as_a_command_line_tool()
    {
        var result = CliProcess.Run("mov %r0, 42\nexit\n", "asm");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("b70000002a0000009500000000000000", result.Stdout.Trim());
    }
}
