using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Builds IR functions by hand for backend and optimiser tests: registers, blocks, slots and lines, appended in order.</summary>
internal sealed class IrBuilder
{
    readonly string name;
    readonly int parameterCount;
    readonly List<List<IrInstruction>> instructions = [];
    readonly List<Terminator?> terminators = [];
    readonly List<StackSlot> slots = [];
    readonly List<IrSourceLine> lines = [];
    int registers;
    int current;

    public IrBuilder(string name, int parameterCount = 1)
    {
        this.name = name;
        this.parameterCount = parameterCount;
        registers = parameterCount;
        NewBlock();
    }

    /// <summary>The line index given to instructions appended from now on (-1: none).</summary>
    public int CurrentLine { get; set; } = -1;

    public VReg Parameter(int index) => new(index);

    public VReg New() => new(registers++);

    /// <summary>A new block; appending continues in the current one until <see cref="At"/>.</summary>
    public int NewBlock()
    {
        instructions.Add([]);
        terminators.Add(null);
        return instructions.Count - 1;
    }

    public IrBuilder At(int block)
    {
        current = block;
        return this;
    }

    public int Slot(int size, int alignment = 8, string? slotName = null)
    {
        slots.Add(new StackSlot(slots.Count, size, alignment, slotName ?? $"local{slots.Count}"));
        return slots.Count - 1;
    }

    public int Line(int line, string text, string file = "/src/Probe.cs", int column = 9)
    {
        lines.Add(new IrSourceLine(file, line, column, text));
        return lines.Count - 1;
    }

    public IrBuilder Add(IrInstruction instruction)
    {
        instructions[current].Add(instruction.Line < 0 ? instruction with { Line = CurrentLine } : instruction);
        return this;
    }

    /// <summary>Appends <c>dst = left op right</c> into a new register and returns it.</summary>
    public VReg Op(BinaryOp op, Width width, Operand left, Operand right)
    {
        var dst = New();
        Add(new Binary(op, width, dst, left, right));
        return dst;
    }

    public VReg Const(long value)
    {
        var dst = New();
        Add(new Move(dst, new Imm(value)));
        return dst;
    }

    public VReg Load(VReg pointer, short offset, int size)
    {
        var dst = New();
        Add(new Load(dst, pointer, offset, size));
        return dst;
    }

    public void End(Terminator terminator) => terminators[current] = terminator.Line < 0 ? terminator with { Line = CurrentLine } : terminator;

    public void Return(Operand value) => End(new Return(value));

    public void Jump(int target) => End(new Jump(target));

    public void Branch(Condition condition, Width width, VReg left, Operand right, int whenTrue, int whenFalse) =>
        End(new Branch(condition, width, left, right, whenTrue, whenFalse));

    public IrFunction Build() => new(name, parameterCount, registers,
        instructions.Select((body, id) => new Block(id, body.ToEquatableArray(), terminators[id] ?? throw new InvalidOperationException($"block {id} has no terminator")))
            .ToEquatableArray(),
        slots.ToEquatableArray(), lines.ToEquatableArray());

    public static Imm Imm(long value) => new(value);
}
