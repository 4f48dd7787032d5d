using System.CommandLine;
using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf asm</c>: uBPF-style assembly on stdin → base16 instruction bytes on stdout.</summary>
public static class AsmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("asm", "Assemble uBPF-style assembly (stdin) into base16 eBPF instruction bytes (stdout)");
        command.SetAction(_ => Execute(Console.In, Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var instructions = Assembler.Assemble(stdin.ReadToEnd());
            stdout.WriteLine(Base16.Encode(InstructionEncoder.Encode(instructions)));
            return 0;
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"sharp-bpf asm: {e.Message}");
            return 1;
        }
    }
}
