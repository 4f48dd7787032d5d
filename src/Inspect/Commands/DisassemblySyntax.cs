namespace Sharp.Bpf.Inspect.Commands;

/// <summary>The instruction syntax <c>sharp-bpf disasm</c> prints.</summary>
public enum DisassemblySyntax
{
    /// <summary>What <c>llvm-objdump -d --mcpu=v4</c> prints: <c>r0 = *(u32 *)(r1 + 0x4)</c>.</summary>
    Llvm,
    /// <summary>The uBPF-style syntax of the conformance suite, which <c>sharp-bpf asm</c> reads: <c>ldxw %r0, [%r1+4]</c>.</summary>
    Ubpf,
}
