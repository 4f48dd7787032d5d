namespace Sharp.Bpf.Asm;

/// <summary>Turns instructions into assembly text in one syntax.</summary>
public abstract class InstructionFormatter
{
    /// <summary>The syntax <c>llvm-objdump -d --mcpu=v4</c> prints for BPF objects (<c>r0 = *(u32 *)(r1 + 0x4)</c>); with v4 decoding every valid encoding prints, 32-bit loads, stores and atomics with <c>w</c> registers.</summary>
    public static InstructionFormatter Llvm { get; } = new LlvmSyntaxFormatter();

    /// <summary>The uBPF-style syntax of the conformance suite (<c>ldxw %r0, [%r1+4]</c>), which <see cref="Assembler"/> reads back.</summary>
    public static InstructionFormatter Ubpf { get; } = new UbpfSyntaxFormatter();

    /// <summary>Formats one instruction. Jump and call targets are printed as relative slot offsets.</summary>
    public abstract string Format(in Instruction instruction);
}
