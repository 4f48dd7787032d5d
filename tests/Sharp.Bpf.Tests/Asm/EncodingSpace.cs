using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Every opcode crossed with representative field values; <see cref="Valid"/> keeps the valid encodings.</summary>
internal static class EncodingSpace
{
    static readonly Register[] Destinations = [Register.R0, Register.R3, Register.R10];
    static readonly int[] Sources = [0, 1, 2, 3, 4, 5, 6, 9, 10];
    static readonly short[] Offsets = [0, 1, 8, 16, 32, -5, short.MaxValue, short.MinValue];
    static readonly int[] Immediates = [0, 1, 16, 32, 64, -1, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1, 0xe1, 0xf1, int.MinValue, int.MaxValue];
    static readonly int[] NextImmediates = [0, 0x12345678, -1];

    /// <summary>All candidate instructions (valid and invalid).</summary>
    public static IEnumerable<Instruction> All()
    {
        for (int opcode = 0; opcode < 256; opcode++)
            foreach (var dst in Destinations)
                foreach (var src in Sources)
                    foreach (var offset in Offsets)
                        foreach (var imm in Immediates)
                            foreach (var next in opcode == Instruction.WideOpcode ? NextImmediates : [0])
                                yield return new Instruction((byte)opcode, dst, (Register)src, offset, imm, next);
    }

    /// <summary>The candidates that are valid encodings.</summary>
    public static IReadOnlyList<Instruction> Valid { get; } = All().Where(i => i.Validate() is null).ToList();

    /// <summary>A key naming the encoding variant: opcode, plus the field that selects a distinct instruction
    /// (lddw kind, call kind, atomic operation, signed div/mod, sign-extension width, swap width).</summary>
    public static string VariantOf(Instruction insn)
    {
        var key = $"0x{insn.Opcode:x2}";
        if (insn.IsWide || insn.IsCall) return $"{key} src={(int)insn.Source}";
        if (insn.Class == InstructionClass.Stx && insn.Mode == MemoryMode.Atomic) return $"{key} imm=0x{insn.Immediate:x2}";
        if (insn.IsArithmetic && insn.AluOperation == AluOperation.End) return $"{key} imm={insn.Immediate}";
        if (insn.IsArithmetic && insn.AluOperation is AluOperation.Div or AluOperation.Mod or AluOperation.Mov) return $"{key} off={insn.Offset}";
        return key;
    }
}
