using Sharp.Bpf.Asm;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Resolves jumps to slot offsets, references to instruction indexes, and IR lines to <see cref="SourceLine"/>s (one
/// whenever the line changes, and one on the first instruction when any exists). Offsets are 16 bits; with ISA v4 a jump that
/// does not fit becomes <c>gotol</c> (a conditional one jumps over it on the inverse condition).</summary>
internal static class CodeLayout
{
    const int MaxColumn = (1 << 10) - 1;

    public sealed record Laid(List<Instruction> Instructions, List<InstructionReference> References, List<SourceLine> Lines);

    /// <summary>The laid-out code, or null when a jump is out of 16-bit range and ISA v4 is off.</summary>
    public static Laid? Lay(InstructionSelector.Selected selected, IrFunction function, BackendOptions options)
    {
        var code = selected.Code;
        var far = new bool[code.Count];
        int[] slots;
        while (true)
        {
            slots = new int[code.Count + 1];
            for (int i = 0; i < code.Count; i++) slots[i + 1] = slots[i] + SlotsOf(code[i], far[i]);
            bool changed = false;
            for (int i = 0; i < code.Count; i++)
            {
                if (code[i].TargetBlock < 0 || far[i]) continue;
                int displacement = TargetSlot(selected, slots, code[i].TargetBlock) - (slots[i] + 1);
                if (displacement is >= short.MinValue and <= short.MaxValue) continue;
                if (!options.IsaV4) return null;
                far[i] = true;
                changed = true;
            }
            if (!changed) break;
        }
        var instructions = new List<Instruction>();
        var references = new List<InstructionReference>();
        var lines = new List<SourceLine>();
        int lastLine = -1;
        for (int i = 0; i < code.Count; i++)
        {
            var machine = code[i];
            int index = instructions.Count;
            if (machine.Line >= 0 && machine.Line != lastLine && ToSourceLine(function, machine.Line, index) is { } sourceLine)
            {
                lines.Add(sourceLine);
                lastLine = machine.Line;
            }
            switch (machine.Reference)
            {
                case ReferenceKind.Map: references.Add(new MapLoad(index, machine.ReferenceName!)); break;
                case ReferenceKind.Global: references.Add(new GlobalLoad(index, machine.ReferenceName!, machine.ReferenceOffset)); break;
                case ReferenceKind.Subprogram: references.Add(new SubprogramCall(index, machine.ReferenceName!)); break;
                case ReferenceKind.SubprogramAddress: references.Add(new SubprogramAddress(index, machine.ReferenceName!)); break;
            }
            if (machine.TargetBlock < 0)
            {
                instructions.Add(machine.Instruction);
                continue;
            }
            int target = TargetSlot(selected, slots, machine.TargetBlock);
            var jump = machine.Instruction;
            bool unconditional = jump.JumpOperation == JumpOperation.Ja;
            if (!far[i])
                instructions.Add(jump with { Offset = (short)(target - (slots[i] + 1)) });
            else if (unconditional)
                instructions.Add(Instruction.GotoLong(target - (slots[i] + 1)));
            else if (InverseJump(jump.JumpOperation) is { } inverse)
            {
                instructions.Add(jump with { Opcode = (byte)((jump.Opcode & 0x0f) | (byte)inverse), Offset = 1 });
                instructions.Add(Instruction.GotoLong(target - (slots[i] + 2)));
            }
            else
            {
                instructions.Add(jump with { Offset = 1 });
                instructions.Add(Instruction.Goto(1));
                instructions.Add(Instruction.GotoLong(target - (slots[i] + 3)));
            }
        }
        if (lines.Count > 0 && lines[0].InstructionIndex != 0)
            lines.Insert(0, lines[0] with { InstructionIndex = 0 });
        return new Laid(instructions, references, lines);
    }

    static int SlotsOf(MachineInstruction machine, bool far)
    {
        if (!far) return machine.Instruction.SlotCount;
        if (machine.Instruction.JumpOperation == JumpOperation.Ja) return 1;
        return InverseJump(machine.Instruction.JumpOperation) is null ? 3 : 2;
    }

    static int TargetSlot(InstructionSelector.Selected selected, int[] slots, int block) => slots[selected.BlockStarts[block]];

    static JumpOperation? InverseJump(JumpOperation operation) => operation switch
    {
        JumpOperation.Jeq => JumpOperation.Jne,
        JumpOperation.Jne => JumpOperation.Jeq,
        JumpOperation.Jgt => JumpOperation.Jle,
        JumpOperation.Jle => JumpOperation.Jgt,
        JumpOperation.Jge => JumpOperation.Jlt,
        JumpOperation.Jlt => JumpOperation.Jge,
        JumpOperation.Jsgt => JumpOperation.Jsle,
        JumpOperation.Jsle => JumpOperation.Jsgt,
        JumpOperation.Jsge => JumpOperation.Jslt,
        JumpOperation.Jslt => JumpOperation.Jsge,
        _ => null,
    };

    static SourceLine? ToSourceLine(IrFunction function, int line, int index)
    {
        if (line >= function.Lines.Count) return null;
        var source = function.Lines[line];
        if (source.Line < 1 || string.IsNullOrEmpty(source.FilePath)) return null;
        return new SourceLine(index, source.FilePath, source.Line, Math.Clamp(source.Column, 0, MaxColumn), source.Text ?? "");
    }
}
