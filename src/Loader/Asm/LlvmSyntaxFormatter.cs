using System.Globalization;

namespace Sharp.Bpf.Asm;

/// <summary>Formats instructions exactly as LLVM 19's BPF instruction printer does with hex immediates,
/// which is what <c>llvm-objdump -d --mcpu=v4</c> prints after the raw bytes (<c>r0 = *(u32 *)(r1 + 0x4)</c>).</summary>
/// <remarks>
/// The ALU32 view (any <c>--mcpu</c> from v3) is the one in which LLVM prints every valid encoding: narrow
/// loads and stores use w registers and the 32-bit atomics have their own forms. Without <c>--mcpu</c>,
/// llvm-objdump 19 prints narrow loads and stores with r registers, prints 32-bit atomics other than
/// <c>add</c> as <c>&lt;unknown&gt;</c> and shows a 32-bit fetch-add as a plain add.
/// Jump and call targets are relative slot offsets; annotations such as <c>&lt;prog+0x10&gt;</c> are the listing's job.
/// </remarks>
internal sealed class LlvmSyntaxFormatter : InstructionFormatter
{
    public override string Format(in Instruction insn) => insn.Class switch
    {
        InstructionClass.Alu or InstructionClass.Alu64 => Arithmetic(insn),
        InstructionClass.Jmp or InstructionClass.Jmp32 => Jump(insn),
        InstructionClass.Ld => LoadSpecial(insn),
        InstructionClass.Ldx => $"{NarrowRegister(insn.Destination, insn)} = *({MemoryType(insn)} *){Address(insn.Source, insn.Offset)}",
        InstructionClass.St => $"*({MemoryType(insn)} *){Address(insn.Destination, insn.Offset)} = {Hex(insn.Immediate)}",
        _ when insn.Mode == MemoryMode.Atomic => Atomic(insn),
        _ => $"*({MemoryType(insn)} *){Address(insn.Destination, insn.Offset)} = {NarrowRegister(insn.Source, insn)}",
    };

    static string Arithmetic(in Instruction insn)
    {
        bool is64 = insn.Class == InstructionClass.Alu64;
        string dst = Reg(insn.Destination, is64);
        switch (insn.AluOperation)
        {
            case AluOperation.Neg:
                return $"{dst} = -{dst}";
            case AluOperation.End:
                // LLVM prints byte swaps on the 64-bit register name whatever the class.
                string name = is64 ? "bswap" : insn.UsesRegisterOperand ? "be" : "le";
                string reg = Reg(insn.Destination, true);
                return $"{reg} = {name}{insn.Immediate.ToString(CultureInfo.InvariantCulture)} {reg}";
            case AluOperation.Mov when insn.UsesRegisterOperand && insn.Offset != 0:
                return $"{dst} = (s{insn.Offset.ToString(CultureInfo.InvariantCulture)}){Reg(insn.Source, is64)}";
        }
        string operand = insn.UsesRegisterOperand ? Reg(insn.Source, is64) : Hex(insn.Immediate);
        return $"{dst} {AluOperator(insn)} {operand}";
    }

    static string AluOperator(in Instruction insn) => insn.AluOperation switch
    {
        AluOperation.Add => "+=",
        AluOperation.Sub => "-=",
        AluOperation.Mul => "*=",
        AluOperation.Div => insn.Offset == 1 ? "s/=" : "/=",
        AluOperation.Or => "|=",
        AluOperation.And => "&=",
        AluOperation.Lsh => "<<=",
        AluOperation.Rsh => ">>=",
        AluOperation.Mod => insn.Offset == 1 ? "s%=" : "%=",
        AluOperation.Xor => "^=",
        AluOperation.Mov => "=",
        AluOperation.Arsh => "s>>=",
        var op => throw new ArgumentException($"opcode 0x{insn.Opcode:x2}: no operator for {op}", nameof(insn)),
    };

    static string Jump(in Instruction insn)
    {
        if (insn.IsExit) return "exit";
        if (insn.IsCallRegister) return $"callx {Reg(insn.Destination, true)}";
        if (insn.IsCall) return $"call {Hex(insn.Immediate)}";
        if (insn.IsLongJump) return $"gotol {Displacement(insn.Immediate)}";
        if (insn.JumpOperation == JumpOperation.Ja) return $"goto {Displacement(insn.Offset)}";
        bool is64 = insn.Class == InstructionClass.Jmp;
        string operand = insn.UsesRegisterOperand ? Reg(insn.Source, is64) : Hex(insn.Immediate);
        return $"if {Reg(insn.Destination, is64)} {Comparison(insn)} {operand} goto {Displacement(insn.Offset)}";
    }

    static string Comparison(in Instruction insn) => insn.JumpOperation switch
    {
        JumpOperation.Jeq => "==",
        JumpOperation.Jgt => ">",
        JumpOperation.Jge => ">=",
        JumpOperation.Jset => "&",
        JumpOperation.Jne => "!=",
        JumpOperation.Jsgt => "s>",
        JumpOperation.Jsge => "s>=",
        JumpOperation.Jlt => "<",
        JumpOperation.Jle => "<=",
        JumpOperation.Jslt => "s<",
        JumpOperation.Jsle => "s<=",
        var op => throw new ArgumentException($"opcode 0x{insn.Opcode:x2}: {op} is not a comparison", nameof(insn)),
    };

    static string LoadSpecial(in Instruction insn)
    {
        if (insn.IsWide)
        {
            // LLVM prints only the first immediate of a pseudo load, unsigned, and a tab after the mnemonic.
            return insn.LoadImmediateKind == LoadImmediateKind.Value
                ? $"{Reg(insn.Destination, true)} = {Hex((long)insn.Immediate64)} ll"
                : $"ld_pseudo\t{Reg(insn.Destination, true)}, {Hex((int)insn.LoadImmediateKind)}, {Hex((uint)insn.Immediate)}";
        }
        // The indirect form names only the register: LLVM's printer drops the immediate.
        string index = insn.Mode == MemoryMode.Absolute ? Hex(insn.Immediate) : Reg(insn.Source, true);
        return $"r0 = *({MemoryType(insn)} *)skb[{index}]";
    }

    static string Atomic(in Instruction insn)
    {
        bool is64 = insn.Size == MemorySize.DoubleWord;
        string type = is64 ? "u64" : "u32";
        string src = Reg(insn.Source, is64);
        string address = Address(insn.Destination, insn.Offset);
        string location = Location(insn.Destination, insn.Offset);
        return insn.AtomicOperation switch
        {
            AtomicOperation.Add => $"lock *({type} *){address} += {src}",
            AtomicOperation.Or => $"lock *({type} *){address} |= {src}",
            AtomicOperation.And => $"lock *({type} *){address} &= {src}",
            AtomicOperation.Xor => $"lock *({type} *){address} ^= {src}",
            AtomicOperation.FetchAdd => $"{src} = atomic_fetch_add(({type} *){address}, {src})",
            AtomicOperation.FetchOr => $"{src} = atomic_fetch_or(({type} *){address}, {src})",
            AtomicOperation.FetchAnd => $"{src} = atomic_fetch_and(({type} *){address}, {src})",
            AtomicOperation.FetchXor => $"{src} = atomic_fetch_xor(({type} *){address}, {src})",
            AtomicOperation.Exchange => is64
                ? $"{src} = xchg_64({location}, {src})"
                : $"{src} = xchg32_32({location}, {src})",
            AtomicOperation.CompareExchange => is64
                ? $"r0 = cmpxchg_64({location}, r0, {src})"
                : $"w0 = cmpxchg32_32({location}, w0, {src})",
            var op => throw new ArgumentException($"opcode 0x{insn.Opcode:x2}: unknown atomic operation 0x{(int)op:x}", nameof(insn)),
        };
    }

    static string MemoryType(in Instruction insn)
    {
        string bits = insn.Size switch
        {
            MemorySize.Byte => "8",
            MemorySize.Half => "16",
            MemorySize.Word => "32",
            _ => "64",
        };
        return (insn.Mode == MemoryMode.MemorySignExtend ? "s" : "u") + bits;
    }

    /// <summary>The register of a plain load or store: w for sizes below 64 bits (ALU32 view), except sign-extending loads, which fill r.</summary>
    static string NarrowRegister(Register register, in Instruction insn) =>
        Reg(register, insn.Size == MemorySize.DoubleWord || insn.Mode == MemoryMode.MemorySignExtend);

    static string Address(Register register, short offset) => $"({Location(register, offset)})";

    static string Location(Register register, short offset) => offset < 0
        ? $"{Reg(register, true)} - {Hex(-offset)}"
        : $"{Reg(register, true)} + {Hex(offset)}";

    static string Reg(Register register, bool is64) => (is64 ? "r" : "w") + ((int)register).ToString(CultureInfo.InvariantCulture);

    static string Displacement(int value) => value < 0 ? Hex(value) : "+" + Hex(value);

    /// <summary>LLVM's C-style signed hex: <c>0x1f</c>, <c>-0x4</c>.</summary>
    static string Hex(long value) => value switch
    {
        long.MinValue => "-0x8000000000000000",
        < 0 => "-0x" + (-value).ToString("x", CultureInfo.InvariantCulture),
        _ => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
    };
}
