using System.Globalization;

namespace Sharp.Bpf.Asm;

/// <summary>Formats instructions in the uBPF-style syntax of the conformance suite, which <see cref="Assembler"/> accepts.</summary>
/// <remarks>Beyond uBPF: <c>lddw %r1, map_fd 3</c> (and <c>map_value</c>, <c>var</c>, <c>code</c>, <c>map_idx</c>,
/// <c>map_idx_value</c>, with an optional second immediate after a comma), <c>call kfunc ID[, FD_INDEX]</c>,
/// <c>ldabs{b,h,w} IMM</c> and <c>ldind{b,h,w} %rN, IMM</c>.</remarks>
internal sealed class UbpfSyntaxFormatter : InstructionFormatter
{
    public override string Format(in Instruction insn) => insn.Class switch
    {
        InstructionClass.Alu or InstructionClass.Alu64 => Arithmetic(insn),
        InstructionClass.Jmp or InstructionClass.Jmp32 => Jump(insn),
        InstructionClass.Ld => LoadSpecial(insn),
        InstructionClass.Ldx => $"ldx{(insn.Mode == MemoryMode.MemorySignExtend ? "s" : "")}{UbpfMnemonics.Size[insn.Size]} {Reg(insn.Destination)}, {Memory(insn.Source, insn.Offset)}",
        InstructionClass.St => $"st{UbpfMnemonics.Size[insn.Size]} {Memory(insn.Destination, insn.Offset)}, {Number(insn.Immediate)}",
        _ when insn.Mode == MemoryMode.Atomic =>
            $"lock {UbpfMnemonics.Atomic[insn.AtomicOperation]}{(insn.Size == MemorySize.Word ? "32" : "")} {Memory(insn.Destination, insn.Offset)}, {Reg(insn.Source)}",
        _ => $"stx{UbpfMnemonics.Size[insn.Size]} {Memory(insn.Destination, insn.Offset)}, {Reg(insn.Source)}",
    };

    static string Arithmetic(in Instruction insn)
    {
        bool is64 = insn.Class == InstructionClass.Alu64;
        string suffix = is64 ? "" : "32";
        var op = insn.AluOperation;
        if (op == AluOperation.End)
            return is64 ? $"bswap{insn.Immediate} {Reg(insn.Destination)}" : $"{(insn.UsesRegisterOperand ? "be" : "le")}{insn.Immediate} {Reg(insn.Destination)}";
        if (op == AluOperation.Neg) return $"neg{suffix} {Reg(insn.Destination)}";
        string name = op switch
        {
            AluOperation.Div when insn.Offset == 1 => UbpfMnemonics.SignedDiv,
            AluOperation.Mod when insn.Offset == 1 => UbpfMnemonics.SignedMod,
            AluOperation.Mov when insn.Offset != 0 => $"{UbpfMnemonics.MoveSignExtend}{insn.Offset}{(is64 ? "64" : "32")}",
            _ => UbpfMnemonics.Alu[op],
        };
        if (op == AluOperation.Mov && insn.Offset != 0) suffix = "";
        return $"{name}{suffix} {Reg(insn.Destination)}, {Operand(insn)}";
    }

    static string Jump(in Instruction insn)
    {
        if (insn.IsExit) return "exit";
        if (insn.IsCallRegister) return $"callx {Reg(insn.Destination)}";
        if (insn.IsCall)
            return insn.CallKind switch
            {
                CallKind.Local => $"call local {Displacement(insn.Immediate)}",
                CallKind.Kfunc => insn.Offset == 0 ? $"call kfunc {Number(insn.Immediate)}" : $"call kfunc {Number(insn.Immediate)}, {insn.Offset}",
                _ => $"call {Number(insn.Immediate)}",
            };
        if (insn.IsLongJump) return $"ja32 {Displacement(insn.Immediate)}";
        if (insn.JumpOperation == JumpOperation.Ja) return $"ja {Displacement(insn.Offset)}";
        string suffix = insn.Class == InstructionClass.Jmp ? "" : "32";
        return $"{UbpfMnemonics.Jump[insn.JumpOperation]}{suffix} {Reg(insn.Destination)}, {Operand(insn)}, {Displacement(insn.Offset)}";
    }

    static string LoadSpecial(in Instruction insn)
    {
        if (insn.IsWide)
        {
            if (insn.LoadImmediateKind == LoadImmediateKind.Value) return $"lddw {Reg(insn.Destination)}, 0x{insn.Immediate64:x}";
            var text = $"lddw {Reg(insn.Destination)}, {UbpfMnemonics.LoadImmediate[insn.LoadImmediateKind]} {Number(insn.Immediate)}";
            return insn.NextImmediate == 0 ? text : $"{text}, {Number(insn.NextImmediate)}";
        }
        var size = UbpfMnemonics.Size[insn.Size];
        return insn.Mode == MemoryMode.Absolute
            ? $"ldabs{size} {Number(insn.Immediate)}"
            : $"ldind{size} {Reg(insn.Source)}, {Number(insn.Immediate)}";
    }

    static string Operand(in Instruction insn) => insn.UsesRegisterOperand ? Reg(insn.Source) : Number(insn.Immediate);

    internal static string Reg(Register register) => $"%r{(int)register}";

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Displacement(int value) => value < 0 ? value.ToString(CultureInfo.InvariantCulture) : "+" + value.ToString(CultureInfo.InvariantCulture);

    static string Memory(Register register, short offset) => $"[{Reg(register)}{Displacement(offset)}]";
}
