namespace Sharp.Bpf.Asm;

/// <summary>The encoding rules of RFC 9669: which opcodes exist and which fields each must leave zero.</summary>
internal static class InstructionRules
{
    const int MaxRegister = (int)Register.R10;

    /// <summary>Returns null when the instruction is a valid encoding, otherwise the reason it is not.</summary>
    public static string? Check(in Instruction insn)
    {
        if ((int)insn.Destination > MaxRegister) return $"invalid destination register r{(int)insn.Destination}";
        if ((int)insn.Source > 0x0f) return $"invalid source field {(int)insn.Source}";
        if (!insn.IsWide && insn.NextImmediate != 0) return "only lddw has a second immediate";
        return insn.Class switch
        {
            InstructionClass.Alu or InstructionClass.Alu64 => CheckArithmetic(insn),
            InstructionClass.Jmp or InstructionClass.Jmp32 => CheckJump(insn),
            InstructionClass.Ld => CheckLoadSpecial(insn),
            InstructionClass.Ldx => CheckLoad(insn),
            InstructionClass.St => CheckStoreImmediate(insn),
            _ => CheckStoreRegister(insn),
        };
    }

    static string Name(in Instruction insn) => $"opcode 0x{insn.Opcode:x2}";

    static string? SourceRegister(in Instruction insn) =>
        (int)insn.Source > MaxRegister ? $"invalid source register r{(int)insn.Source}" : null;

    static string? Zero(in Instruction insn, bool source = false, bool offset = false, bool immediate = false, bool destination = false)
    {
        if (destination && insn.Destination != Register.R0) return $"{Name(insn)} requires destination register 0, found r{(int)insn.Destination}";
        if (source && insn.Source != Register.R0) return $"{Name(insn)} requires source register 0, found {(int)insn.Source}";
        if (offset && insn.Offset != 0) return $"{Name(insn)} requires offset 0, found {insn.Offset}";
        if (immediate && insn.Immediate != 0) return $"{Name(insn)} requires immediate 0, found {insn.Immediate}";
        return null;
    }

    static string? CheckArithmetic(in Instruction insn)
    {
        bool is64 = insn.Class == InstructionClass.Alu64;
        bool register = insn.UsesRegisterOperand;
        var op = insn.AluOperation;
        if ((byte)op > (byte)AluOperation.End) return $"{Name(insn)}: unknown arithmetic operation 0x{(byte)op:x2}";
        switch (op)
        {
            case AluOperation.Neg:
                if (register) return $"{Name(insn)}: neg has no register form";
                return Zero(insn, source: true, offset: true, immediate: true);
            case AluOperation.End:
                if (is64 && register) return $"{Name(insn)}: bswap has no big-endian form";
                if (insn.Immediate is not (16 or 32 or 64)) return $"{Name(insn)}: byte swap width must be 16, 32 or 64, found {insn.Immediate}";
                return Zero(insn, source: true, offset: true);
            case AluOperation.Div or AluOperation.Mod:
                if (insn.Offset is not (0 or 1)) return $"{Name(insn)}: offset must be 0 (unsigned) or 1 (signed), found {insn.Offset}";
                break;
            case AluOperation.Mov when register:
                if (insn.Offset is not (0 or 8 or 16) && !(is64 && insn.Offset == 32))
                    return $"{Name(insn)}: sign-extension width must be {(is64 ? "0, 8, 16 or 32" : "0, 8 or 16")}, found {insn.Offset}";
                break;
            default:
                if (insn.Offset != 0) return $"{Name(insn)} requires offset 0, found {insn.Offset}";
                break;
        }
        return register ? SourceRegister(insn) ?? Zero(insn, immediate: true) : Zero(insn, source: true);
    }

    static string? CheckJump(in Instruction insn)
    {
        bool is64 = insn.Class == InstructionClass.Jmp;
        bool register = insn.UsesRegisterOperand;
        var op = insn.JumpOperation;
        switch (op)
        {
            case > JumpOperation.Jsle:
                return $"{Name(insn)}: unknown jump operation 0x{(byte)op:x2}";
            case JumpOperation.Ja:
                if (register) return $"{Name(insn)}: unconditional jump has no register form";
                return is64
                    ? Zero(insn, destination: true, source: true, immediate: true)
                    : Zero(insn, destination: true, source: true, offset: true);
            case JumpOperation.Call:
                if (!is64) return $"{Name(insn)}: call exists only in the JMP class";
                if (register) return SourceRegister(insn) is { } bad ? bad : Zero(insn, source: true, offset: true, immediate: true);
                if ((int)insn.Source > (int)CallKind.Kfunc) return $"{Name(insn)}: call source must be 0 (helper), 1 (local) or 2 (kfunc), found {(int)insn.Source}";
                return Zero(insn, destination: true, offset: insn.CallKind != CallKind.Kfunc);
            case JumpOperation.Exit:
                if (!is64) return $"{Name(insn)}: exit exists only in the JMP class";
                if (register) return $"{Name(insn)}: exit has no register form";
                return Zero(insn, destination: true, source: true, offset: true, immediate: true);
            default:
                return register ? SourceRegister(insn) ?? Zero(insn, immediate: true) : Zero(insn, source: true);
        }
    }

    static string? CheckLoadSpecial(in Instruction insn)
    {
        switch (insn.Mode)
        {
            case MemoryMode.Immediate when insn.Size == MemorySize.DoubleWord:
                if ((int)insn.Source > (int)LoadImmediateKind.MapValueByIndex) return $"{Name(insn)}: lddw source must be 0..6, found {(int)insn.Source}";
                return Zero(insn, offset: true);
            case MemoryMode.Absolute when insn.Size != MemorySize.DoubleWord:
                return Zero(insn, destination: true, source: true, offset: true);
            case MemoryMode.Indirect when insn.Size != MemorySize.DoubleWord:
                return SourceRegister(insn) ?? Zero(insn, destination: true, offset: true);
            default:
                return $"{Name(insn)}: unknown load (class LD, mode 0x{(byte)insn.Mode:x2}, size 0x{(byte)insn.Size:x2})";
        }
    }

    static string? CheckLoad(in Instruction insn) => insn.Mode switch
    {
        MemoryMode.Memory => SourceRegister(insn) ?? Zero(insn, immediate: true),
        MemoryMode.MemorySignExtend when insn.Size != MemorySize.DoubleWord => SourceRegister(insn) ?? Zero(insn, immediate: true),
        MemoryMode.MemorySignExtend => $"{Name(insn)}: there is no sign-extending 64-bit load",
        _ => $"{Name(insn)}: unknown load mode 0x{(byte)insn.Mode:x2}",
    };

    static string? CheckStoreImmediate(in Instruction insn) => insn.Mode == MemoryMode.Memory
        ? Zero(insn, source: true)
        : $"{Name(insn)}: unknown store mode 0x{(byte)insn.Mode:x2}";

    static string? CheckStoreRegister(in Instruction insn)
    {
        switch (insn.Mode)
        {
            case MemoryMode.Memory:
                return SourceRegister(insn) ?? Zero(insn, immediate: true);
            case MemoryMode.Atomic:
                if (insn.Size is not (MemorySize.Word or MemorySize.DoubleWord)) return $"{Name(insn)}: atomics are 32 or 64 bits wide";
                if (!IsAtomicOperation(insn.Immediate)) return $"{Name(insn)}: unknown atomic operation 0x{insn.Immediate:x}";
                return SourceRegister(insn);
            default:
                return $"{Name(insn)}: unknown store mode 0x{(byte)insn.Mode:x2}";
        }
    }

    static bool IsAtomicOperation(int immediate) => (AtomicOperation)immediate is
        AtomicOperation.Add or AtomicOperation.Or or AtomicOperation.And or AtomicOperation.Xor or
        AtomicOperation.FetchAdd or AtomicOperation.FetchOr or AtomicOperation.FetchAnd or AtomicOperation.FetchXor or
        AtomicOperation.Exchange or AtomicOperation.CompareExchange;
}
