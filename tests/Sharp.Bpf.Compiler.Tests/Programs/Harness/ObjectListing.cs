using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>The disassembly of a compiled object as the snapshots and failure messages show it: llvm-objdump's layout
/// with slot numbers and LLVM syntax, without raw bytes (they only repeat the instruction).</summary>
public static class ObjectListing
{
    /// <summary>The listing of every program in <paramref name="objectBytes"/>, with '\n' line ends.</summary>
    public static string Of(byte[] objectBytes)
    {
        using var text = new StringWriter { NewLine = "\n" };
        new Disassembler { ShowRawBytes = false }.WriteObject(BpfObjectFile.Read(objectBytes), text);
        return text.ToString();
    }
}
