using System.CommandLine;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf disasm [FILE]</c>: an llvm-objdump-style listing of an eBPF ELF object, or of base16
/// instruction bytes on stdin when no file is given. Exits 0, or 1 with the reason on stderr when the input is not
/// base16, not a whole valid instruction stream, or not a readable eBPF object.</summary>
public static class DisasmCommand
{
    /// <summary>Exit code for a printed listing.</summary>
    internal const int Success = 0;
    /// <summary>Exit code for input that could not be read or decoded.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A relocatable eBPF ELF object (clang -target bpf, or ours); absent: base16 instruction bytes on stdin",
        };
        var syntax = new Option<DisassemblySyntax>("--syntax")
        {
            Description = "Instruction syntax: llvm (as llvm-objdump -d --mcpu=v4 prints it) or ubpf (as sharp-bpf asm reads it)",
            DefaultValueFactory = _ => DisassemblySyntax.Llvm,
        };
        var noRawBytes = new Option<bool>("--no-show-raw-insn") { Description = "Do not print the instruction bytes" };
        var noAddresses = new Option<bool>("--no-leading-addr") { Description = "Do not print slot indexes and symbol addresses" };
        var command = new Command("disasm", "Disassemble an eBPF ELF object, or base16 instruction bytes (stdin), into an llvm-objdump-style listing")
        {
            file,
            syntax,
            noRawBytes,
            noAddresses,
        };
        command.SetAction(parseResult => Execute(Console.In, Console.Out, Console.Error,
            parseResult.GetValue(file), parseResult.GetValue(syntax), !parseResult.GetValue(noRawBytes), !parseResult.GetValue(noAddresses)));
        return command;
    }

    internal static int Execute(TextReader stdin, TextWriter stdout, TextWriter stderr, string? path,
        DisassemblySyntax syntax = DisassemblySyntax.Llvm, bool showRawBytes = true, bool showAddresses = true)
    {
        var disassembler = new Disassembler(syntax == DisassemblySyntax.Ubpf ? InstructionFormatter.Ubpf : InstructionFormatter.Llvm)
        {
            ShowRawBytes = showRawBytes,
            ShowAddresses = showAddresses,
        };
        return path is null ? ListStream(stdin, stdout, stderr, disassembler) : ListObject(path, stdout, stderr, disassembler);
    }

    static int ListStream(TextReader stdin, TextWriter stdout, TextWriter stderr, Disassembler disassembler)
    {
        byte[] code;
        try
        {
            code = Base16.Decode(stdin.ReadToEnd());
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"sharp-bpf disasm: stdin: {e.Message}");
            return Failure;
        }
        // A bare stream has no sections to resynchronise on, so a bad instruction is an error rather than <unknown>.
        if (!InstructionDecoder.TryDecode(code, out _, out var error))
        {
            stderr.WriteLine($"sharp-bpf disasm: stdin: {error.Message}");
            return Failure;
        }
        disassembler.WriteStream(code, stdout);
        return Success;
    }

    static int ListObject(string path, TextWriter stdout, TextWriter stderr, Disassembler disassembler)
    {
        BpfObjectFile file;
        try
        {
            file = BpfObjectFile.Read(path);
        }
        catch (Exception e) when (e is BpfElfException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"sharp-bpf disasm: {path}: {e.Message}");
            return Failure;
        }
        stdout.Write($"\n{path}:\tfile format elf64-bpf\n");
        disassembler.WriteObject(file, stdout);
        return Success;
    }
}
