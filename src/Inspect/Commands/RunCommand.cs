using System.CommandLine;
using Sharp.Bpf.Inspect.Conformance;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary>
/// <c>sharp-bpf run [MEMORY]</c>: the bpf_conformance plugin protocol, run in the kernel. Program bytes base16 on stdin
/// (whitespace allowed), optional memory base16 as the argument; prints r0 as lowercase hex without a prefix (as the
/// suite's Linux plugin does with <c>std::hex</c>; the runner parses it with <c>stoull(…, 16)</c>) and exits 0.
/// On failure it prints the reason to stderr and exits 1 when the program is rejected (invalid encoding, verifier,
/// kernel error) or 2 when the input is not base16.
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code for a program that ran.</summary>
    internal const int Success = 0;
    /// <summary>Exit code for a program the decoder or the kernel refused.</summary>
    internal const int Rejected = 1;
    /// <summary>Exit code for input that is not base16.</summary>
    internal const int MalformedInput = 2;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var memory = new Argument<string?>("memory")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Input memory, base16 (r1 points to a copy, r2 holds its length; absent: r1 = r2 = 0)",
        };
        // The suite's runner calls its plugin as `plugin MEMORY PLUGIN_OPTIONS`, where the options are usually empty.
        var pluginOptions = new Argument<string[]>("plugin-options")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The runner's --plugin_options; none are defined, so only empty strings are accepted",
        };
        var command = new Command("run", "Run base16 eBPF instruction bytes (stdin) in the kernel as the bpf_conformance Linux plugin does, and print r0 in hex (needs root)")
        {
            memory,
            pluginOptions,
        };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(pluginOptions)?.FirstOrDefault(o => o.Length > 0) is { } unknown)
            {
                Console.Error.WriteLine($"sharp-bpf run: unknown plugin option '{unknown}' (none are defined)");
                return MalformedInput;
            }
            return Execute(Console.In, Console.Out, Console.Error, parseResult.GetValue(memory));
        });
        return command;
    }

    internal static int Execute(TextReader stdin, TextWriter stdout, TextWriter stderr, string? memoryBase16)
    {
        byte[] program, memory;
        try
        {
            program = Base16.Decode(stdin.ReadToEnd());
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"sharp-bpf run: program on stdin: {e.Message}");
            return MalformedInput;
        }
        try
        {
            memory = Base16.Decode(memoryBase16 ?? "");
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"sharp-bpf run: memory argument: {e.Message}");
            return MalformedInput;
        }

        try
        {
            stdout.WriteLine(KernelProgramRunner.Run(program, memory).ToString("x"));
            return Success;
        }
        catch (BpfVerifierException e)
        {
            int start = KernelProgramRunner.TestProgramStart(memory.Length);
            stderr.WriteLine($"sharp-bpf run: {e.Message}");
            stderr.WriteLine($"sharp-bpf run: instructions 0..{start - 1} are the XDP wrapper; the test program starts at instruction {start}");
            return Rejected;
        }
        catch (Exception e) when (e is FormatException or BpfException)
        {
            stderr.WriteLine($"sharp-bpf run: {e.Message}");
            return Rejected;
        }
    }
}
