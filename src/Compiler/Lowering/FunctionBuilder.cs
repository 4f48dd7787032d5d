using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>Builds one <see cref="IrFunction"/>: allocates virtual registers, blocks and stack slots, appends instructions to
/// the current block and ends blocks with terminators. Instructions and terminators get the current source line.
/// <see cref="Build"/> drops blocks no path reaches and renumbers the rest, so lowering may create blocks freely.</summary>
internal sealed class FunctionBuilder
{
    readonly List<List<IrInstruction>> instructions = [];
    readonly List<Terminator?> terminators = [];
    readonly List<StackSlot> slots = [];
    readonly List<IrSourceLine> lines = [];
    readonly Dictionary<IrSourceLine, int> lineIndex = [];
    int registerCount;

    public FunctionBuilder(string name, int parameterCount)
    {
        Name = name;
        ParameterCount = parameterCount;
        registerCount = parameterCount;
        CurrentBlock = NewBlock();
    }

    public string Name { get; }

    public int ParameterCount { get; }

    /// <summary>The block instructions are appended to.</summary>
    public int CurrentBlock { get; private set; }

    /// <summary>The line index given to emitted instructions and terminators (-1: none).</summary>
    public int CurrentLine { get; set; } = -1;

    /// <summary>Whether the current block is still open (not yet ended by a terminator).</summary>
    public bool IsOpen => terminators[CurrentBlock] is null;

    public VReg NewRegister() => new(registerCount++);

    public int NewBlock()
    {
        instructions.Add([]);
        terminators.Add(null);
        return instructions.Count - 1;
    }

    /// <summary>Continues appending to <paramref name="block"/>, which must not be ended yet.</summary>
    public void SetCurrent(int block)
    {
        if (terminators[block] is not null) throw new InvalidOperationException($"block {block} is already ended");
        CurrentBlock = block;
    }

    public bool IsEnded(int block) => terminators[block] is not null;

    public int NewStackSlot(int size, int alignment, string name)
    {
        slots.Add(new StackSlot(slots.Count, size, alignment, name));
        return slots.Count - 1;
    }

    /// <summary>The alignment the stack layout gives <paramref name="slot"/>'s start.</summary>
    public int SlotAlignment(int slot) => slots[slot].Alignment;

    public int AddLine(IrSourceLine line)
    {
        if (!lineIndex.TryGetValue(line, out int index))
        {
            index = lines.Count;
            lines.Add(line);
            lineIndex.Add(line, index);
        }
        return index;
    }

    /// <summary>Appends an instruction to the current block (with the current line unless it has one).</summary>
    public void Emit(IrInstruction instruction)
    {
        if (!IsOpen) throw new InvalidOperationException($"block {CurrentBlock} is already ended");
        instructions[CurrentBlock].Add(instruction.Line < 0 ? instruction with { Line = CurrentLine } : instruction);
    }

    /// <summary>Appends an instruction to the entry block (block 0), whatever the current block: initialisation of stack
    /// objects, which the verifier wants written before any read, and which must happen once.</summary>
    public void EmitAtEntry(IrInstruction instruction) => instructions[0].Add(instruction);

    /// <summary>Ends the current block. Further instructions need <see cref="SetCurrent"/> first.</summary>
    public void Terminate(Terminator terminator)
    {
        if (!IsOpen) throw new InvalidOperationException($"block {CurrentBlock} is already ended");
        terminators[CurrentBlock] = terminator.Line < 0 ? terminator with { Line = CurrentLine } : terminator;
    }

    public void Jump(int target) => Terminate(new Jump(target));

    /// <summary>Ends the current block with a conditional branch; a constant left operand is moved to a register first.</summary>
    public void Branch(Condition condition, Width width, Operand left, Operand right, int whenTrue, int whenFalse)
    {
        if (left is not VReg register)
        {
            register = NewRegister();
            Emit(new Move(register, left));
        }
        Terminate(new Branch(condition, width, register, right, whenTrue, whenFalse));
    }

    /// <summary>Which blocks a path from block 0 reaches. Every reachable block must be ended.</summary>
    public bool[] Reachable()
    {
        var reachable = new bool[instructions.Count];
        var work = new Stack<int>();
        work.Push(0);
        reachable[0] = true;
        while (work.Count > 0)
        {
            int block = work.Pop();
            var terminator = terminators[block] ?? throw new InvalidOperationException($"block {block} has no terminator");
            foreach (int successor in Successors(terminator))
                if (!reachable[successor])
                {
                    reachable[successor] = true;
                    work.Push(successor);
                }
        }
        return reachable;
    }

    /// <summary>The function: blocks reachable from block 0, renumbered in creation order.</summary>
    public IrFunction Build()
    {
        var reachable = Reachable();
        var renumbered = new int[instructions.Count];
        int next = 0;
        for (int block = 0; block < instructions.Count; block++)
            renumbered[block] = reachable[block] ? next++ : -1;
        var blocks = new List<Block>();
        for (int block = 0; block < instructions.Count; block++)
        {
            if (!reachable[block]) continue;
            Terminator terminator = terminators[block]! switch
            {
                Jump jump => jump with { Target = renumbered[jump.Target] },
                Branch branch => branch with { True = renumbered[branch.True], False = renumbered[branch.False] },
                var other => other,
            };
            blocks.Add(new Block(renumbered[block], instructions[block].ToEquatableArray(), terminator));
        }
        return new IrFunction(Name, ParameterCount, registerCount, blocks.ToEquatableArray(), slots.ToEquatableArray(), lines.ToEquatableArray());
    }

    /// <summary>Blocks reachable from block 0 that cannot reach a <see cref="Return"/> (the body of a loop with no exit).</summary>
    public IReadOnlyList<int> BlocksThatNeverReturn()
    {
        int count = instructions.Count;
        var predecessors = new List<int>[count];
        for (int i = 0; i < count; i++) predecessors[i] = [];
        var reachable = new bool[count];
        var work = new Stack<int>();
        work.Push(0);
        reachable[0] = true;
        while (work.Count > 0)
        {
            int block = work.Pop();
            foreach (int successor in terminators[block] is { } t ? Successors(t) : [])
            {
                predecessors[successor].Add(block);
                if (!reachable[successor]) { reachable[successor] = true; work.Push(successor); }
            }
        }
        var returns = new bool[count];
        for (int block = 0; block < count; block++)
            if (reachable[block] && terminators[block] is Return) { returns[block] = true; work.Push(block); }
        while (work.Count > 0)
            foreach (int predecessor in predecessors[work.Pop()])
                if (!returns[predecessor]) { returns[predecessor] = true; work.Push(predecessor); }
        return [.. Enumerable.Range(0, count).Where(block => reachable[block] && !returns[block])];
    }

    static IEnumerable<int> Successors(Terminator terminator) => terminator switch
    {
        Jump jump => [jump.Target],
        Branch branch => [branch.True, branch.False],
        _ => [],
    };
}
