using Sharp.Bpf.Asm;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Each virtual register's live ranges over the blocks laid out in <see cref="Order"/>: sorted, disjoint segments of
/// positions (instruction n reads at 2n and writes at 2n+1; parameters arrive at -1), with what constrains its physical
/// register. Segments leave holes where a value is dead (between its uses in different branches), so a register can serve
/// several values that are never live at once.</summary>
internal sealed class LiveIntervals
{
    public const int Unused = int.MaxValue;

    readonly List<(int Start, int End)>[] pending;

    LiveIntervals(IrFunction function, List<int> order)
    {
        Function = function;
        Order = order;
        int count = function.RegisterCount;
        pending = new List<(int, int)>[count];
        Segments = new (int Start, int End)[count][];
        Start = new int[count];
        End = new int[count];
        CrossesCall = new bool[count];
        AvoidsR0 = new bool[count];
        Hint = new Register?[count];
    }

    public IrFunction Function { get; }

    /// <summary>Blocks in layout order.</summary>
    public List<int> Order { get; }

    /// <summary>Each register's live segments, sorted and disjoint (empty when it is never used).</summary>
    public (int Start, int End)[][] Segments { get; }

    /// <summary>First position where the register holds a value (<see cref="Unused"/> when it never does).</summary>
    public int[] Start { get; }

    /// <summary>Last position where its value is needed.</summary>
    public int[] End { get; }

    /// <summary>Live across a call, so it must be in r6..r9 (calls clobber r0..r5).</summary>
    public bool[] CrossesCall { get; }

    /// <summary>Live where a compare-exchange uses r0.</summary>
    public bool[] AvoidsR0 { get; }

    /// <summary>The register that saves a move: a parameter's arrival register, a call argument's, a result's r0.</summary>
    public Register?[] Hint { get; }

    /// <summary>Parameters live on entry (they arrive in r1..r5).</summary>
    public List<VReg> EntryParameters { get; } = [];

    /// <summary>The instruction at each even position / 2, with its block (terminators are null).</summary>
    public List<(int Block, IrInstruction? Instruction)> Instructions { get; } = [];

    public bool IsUsed(int register) => Start[register] != Unused;

    /// <summary>Whether the register holds a needed value at <paramref name="position"/>.</summary>
    public bool IsLiveAt(int register, int position)
    {
        var segments = Segments[register];
        int low = 0, high = segments.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (segments[middle].End < position) low = middle + 1;
            else if (segments[middle].Start > position) high = middle - 1;
            else return true;
        }
        return false;
    }

    /// <summary>Whether two registers are ever live at the same position.</summary>
    public bool Overlap(int first, int second)
    {
        var a = Segments[first];
        var b = Segments[second];
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].End < b[j].Start) i++;
            else if (b[j].End < a[i].Start) j++;
            else return true;
        }
        return false;
    }

    public static LiveIntervals Compute(IrFunction function)
    {
        var order = ControlFlow.ReversePostorder(function);
        var liveness = RegisterLiveness.Compute(function);
        var intervals = new LiveIntervals(function, order);
        intervals.Build(liveness);
        return intervals;
    }

    void Add(int register, int start, int end) => (pending[register] ??= []).Add((start, end));

    void Build(RegisterLiveness liveness)
    {
        var calls = new List<int>();
        var compareExchanges = new List<int>();
        var argumentHints = new List<(VReg Register, Register Hint, int Position)>();
        var blockStarts = new Dictionary<int, int>();
        foreach (int b in Order)
        {
            blockStarts[b] = Instructions.Count;
            foreach (var instruction in Function.Blocks[b].Instructions) Instructions.Add((b, instruction));
            Instructions.Add((b, null));
        }
        for (int p = 0; p < Function.ParameterCount; p++)
            if (liveness.IsLiveIn(0, p))
            {
                Add(p, -1, 0);
                EntryParameters.Add(new VReg(p));
            }
        foreach (int b in Order)
        {
            var block = Function.Blocks[b];
            int first = blockStarts[b], terminator = first + block.Instructions.Count;
            var open = new Dictionary<int, int>();
            foreach (int r in liveness.LiveOut(b)) open[r] = 2 * terminator + 1;
            foreach (var used in IrOperands.Uses(block.Terminator)) open.TryAdd(used.Id, 2 * terminator);
            if (block.Terminator is Return { Value: VReg returned }) Hint[returned.Id] ??= Register.R0;
            for (int k = block.Instructions.Count - 1; k >= 0; k--)
            {
                int n = first + k;
                var instruction = block.Instructions[k];
                if (IrOperands.Defined(instruction) is { } defined)
                {
                    Add(defined.Id, 2 * n + 1, open.Remove(defined.Id, out int end) ? end : 2 * n + 1);
                }
                foreach (var used in IrOperands.Uses(instruction)) open.TryAdd(used.Id, 2 * n);
                switch (instruction)
                {
                    // Two-address form writes the destination before reading the right operand: keep them apart.
                    case Binary { Right: VReg right } binary when !IsCommutative(binary.Op):
                        Add(right.Id, 2 * n, 2 * n + 1);
                        break;
                    // The fetched value is moved into the destination before the base is read.
                    case Atomic { Dst: not null } atomic:
                        Add(atomic.Base.Id, 2 * n, 2 * n + 1);
                        if (atomic.Op == AtomicOp.CompareExchange)
                        {
                            compareExchanges.Add(n);
                            Hint[atomic.Dst.Id] ??= Register.R0;
                        }
                        break;
                    case CallHelper call:
                        calls.Add(n);
                        AddArgumentHints(call.Arguments, call.Dst, n, argumentHints);
                        break;
                    case CallFunction call:
                        calls.Add(n);
                        AddArgumentHints(call.Arguments, call.Dst, n, argumentHints);
                        break;
                }
            }
            foreach (var (register, end) in open) Add(register, 2 * first, end);
        }
        calls.Sort();
        for (int r = 0; r < Function.RegisterCount; r++)
        {
            Segments[r] = Merge(pending[r]);
            Start[r] = Segments[r].Length > 0 ? Segments[r][0].Start : Unused;
            End[r] = Segments[r].Length > 0 ? Segments[r][^1].End : int.MinValue;
            if (!IsUsed(r)) continue;
            CrossesCall[r] = Segments[r].Any(s => SpansCall(calls, s));
            foreach (int n in compareExchanges)
                if (IsLiveAt(r, 2 * n)) AvoidsR0[r] = true;
        }
        foreach (var (register, hint, position) in argumentHints)
            if (!IsLiveAt(register.Id, position + 1)) Hint[register.Id] = hint;
        foreach (var parameter in EntryParameters)
            Hint[parameter.Id] ??= InstructionSelector.Argument(parameter.Id);
    }

    /// <summary>Whether a call in <paramref name="calls"/> (sorted instruction numbers) reads its arguments and writes its result
    /// within the segment.</summary>
    static bool SpansCall(List<int> calls, (int Start, int End) segment)
    {
        int index = calls.BinarySearch((segment.Start + 1) / 2);
        if (index < 0) index = ~index;
        return index < calls.Count && 2 * calls[index] + 1 <= segment.End;
    }

    static (int Start, int End)[] Merge(List<(int Start, int End)>? ranges)
    {
        if (ranges is null) return [];
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End + 1)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            else
                merged.Add(range);
        }
        return [.. merged];
    }

    void AddArgumentHints(EquatableArray<Operand> arguments, VReg? dst, int n, List<(VReg, Register, int)> hints)
    {
        for (int i = 0; i < arguments.Count; i++)
            if (arguments[i] is VReg argument) hints.Add((argument, InstructionSelector.Argument(i), 2 * n));
        if (dst is not null) Hint[dst.Id] ??= Register.R0;
    }

    public static bool IsCommutative(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Mul or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor;
}
