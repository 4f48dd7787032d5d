using Sharp.Bpf.Asm;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Register allocation of virtual registers to r0..r9 in order of live-range start, each taking the first preferred
/// register none of whose holders' live segments overlap its own. Values live across a call get r6..r9; hints avoid
/// moves (arrival registers, call arguments, r0 for results, the operand a result overwrites in two-address form), and a value
/// without one leaves alone a register that a later overlapping value is hinted to. Holders leave a register's list once
/// their range ends, so each interference test is against a value still live. When the
/// registers run out, the value needed furthest away is spilled to an 8-byte stack slot (<see cref="SpillRewriter"/>) and
/// allocation starts again on the rewritten function.</summary>
internal static class RegisterAllocator
{
    const int MaxRounds = 32;

    /// <summary>Later hinted values a register choice looks at before taking a register they want; a bound on the work, since
    /// missing one only costs a move.</summary>
    const int MaxReservationChecks = 8;

    static readonly Register[] CallerSaved = [Register.R1, Register.R2, Register.R3, Register.R4, Register.R5, Register.R0];
    static readonly Register[] CalleeSaved = [Register.R6, Register.R7, Register.R8, Register.R9];

    /// <summary>The allocated function (with any spill code), its intervals, and each virtual register's physical register.</summary>
    /// <param name="InterferenceTests">How many times allocation asked whether two live ranges overlap, over all rounds: the
    /// measure of its work.</param>
    public sealed record Result(IrFunction Function, LiveIntervals Intervals, Register[] Registers, int SpilledCount, long InterferenceTests);

    public static Result Allocate(IrFunction function)
    {
        var unspillable = new HashSet<int>();
        int spilled = 0;
        long interferenceTests = 0;
        for (int round = 0; round < MaxRounds; round++)
        {
            var intervals = LiveIntervals.Compute(function);
            var (registers, toSpill) = Scan(intervals, unspillable, ref interferenceTests);
            if (toSpill.Count == 0) return new Result(function, intervals, registers, spilled, interferenceTests);
            spilled += toSpill.Count;
            function = SpillRewriter.Rewrite(function, toSpill, intervals.EntryParameters, unspillable);
        }
        throw new InvalidOperationException($"register allocation of '{function.Name}' did not converge after {MaxRounds} rounds of spilling");
    }

    static (Register[] Registers, List<int> Spill) Scan(LiveIntervals intervals, HashSet<int> unspillable, ref long interferenceTests)
    {
        var function = intervals.Function;
        var assigned = new Register?[function.RegisterCount];
        var spill = new List<int>();
        // Each physical register's holders that may still overlap what comes next: intervals are taken in order of start, so
        // a holder whose last position is before the current start can never conflict again and leaves the list.
        var active = new List<int>[10];
        for (int r = 0; r < active.Length; r++) active[r] = [];
        var order = Enumerable.Range(0, function.RegisterCount).Where(intervals.IsUsed)
            .OrderBy(r => intervals.Start[r]).ThenBy(r => r).ToList();
        var hinted = HintedIntervals(intervals, order);
        long tests = 0;
        List<int> Conflicts(int current, Register register)
        {
            var conflicts = new List<int>();
            foreach (int other in active[(int)register])
            {
                tests++;
                if (intervals.Overlap(current, other)) conflicts.Add(other);
            }
            return conflicts;
        }
        bool Free(int current, Register register)
        {
            foreach (int other in active[(int)register])
            {
                tests++;
                if (intervals.Overlap(current, other)) return false;
            }
            return true;
        }
        // Whether a later value that wants this register (a call argument, a parameter) would find it taken by this one.
        bool Reserved(int current, Register register)
        {
            var (wanting, starts) = hinted[(int)register];
            int index = starts.BinarySearch(intervals.Start[current]);
            if (index < 0) index = ~index;
            while (index > 0 && starts[index - 1] == intervals.Start[current]) index--;
            for (int checks = 0; index < wanting.Count && checks < MaxReservationChecks; index++, checks++)
            {
                int other = wanting[index];
                if (intervals.Start[other] > intervals.End[current]) break;
                if (other == current || assigned[other] is not null) continue;
                tests++;
                if (intervals.Overlap(current, other)) return true;
            }
            return false;
        }
        foreach (int current in order)
        {
            int start = intervals.Start[current];
            foreach (var holders in active) holders.RemoveAll(other => intervals.End[other] < start);
            var allowed = Allowed(intervals, current);
            Register? choice = null;
            Register? fallback = null;
            foreach (var (candidate, preferred) in Preferences(intervals, current, assigned, allowed))
            {
                if (!Free(current, candidate)) continue;
                if (preferred || !Reserved(current, candidate)) { choice = candidate; break; }
                fallback ??= candidate;
            }
            choice ??= fallback;
            if (choice is null)
            {
                // Spill whichever lives longest: this value, or everything that blocks one register (when all of it may spill).
                int keepUntil = unspillable.Contains(current) ? int.MinValue : intervals.End[current];
                List<int>? evict = null;
                foreach (var candidate in allowed)
                {
                    var conflicts = Conflicts(current, candidate);
                    if (conflicts.Any(unspillable.Contains)) continue;
                    int until = conflicts.Min(other => intervals.End[other]);
                    if (until > keepUntil)
                    {
                        keepUntil = until;
                        evict = conflicts;
                        choice = candidate;
                    }
                }
                if (evict is null)
                {
                    if (unspillable.Contains(current))
                        throw new InvalidOperationException($"register allocation of '{function.Name}' ran out of registers at v{current}");
                    spill.Add(current);
                    continue;
                }
                foreach (int victim in evict)
                {
                    active[(int)choice!.Value].Remove(victim);
                    assigned[victim] = null;
                    spill.Add(victim);
                }
            }
            assigned[current] = choice;
            active[(int)choice!.Value].Add(current);
        }
        interferenceTests += tests;
        return (assigned.Select(r => r ?? Register.R0).ToArray(), spill);
    }

    /// <summary>For each physical register, the intervals hinted to it, in order of start.</summary>
    static (List<int> Registers, List<int> Starts)[] HintedIntervals(LiveIntervals intervals, List<int> order)
    {
        var hinted = new (List<int>, List<int>)[10];
        for (int r = 0; r < hinted.Length; r++) hinted[r] = ([], []);
        foreach (int register in order)
            if (intervals.Hint[register] is { } hint)
            {
                hinted[(int)hint].Item1.Add(register);
                hinted[(int)hint].Item2.Add(intervals.Start[register]);
            }
        return hinted;
    }

    static List<Register> Allowed(LiveIntervals intervals, int register)
    {
        var allowed = intervals.CrossesCall[register] ? [.. CalleeSaved] : CallerSaved.Concat(CalleeSaved).ToList();
        if (intervals.AvoidsR0[register]) allowed.Remove(Register.R0);
        return allowed;
    }

    /// <summary>Registers to try in order, each saying whether it saves a move: the fixed-register hint, then the register of an
    /// operand this value overwrites in place (when that operand dies here), then the rest.</summary>
    static IEnumerable<(Register Register, bool Preferred)> Preferences(LiveIntervals intervals, int register, Register?[] assigned, List<Register> allowed)
    {
        if (intervals.Hint[register] is { } hint && allowed.Contains(hint)) yield return (hint, true);
        foreach (var source in CoalescingSources(intervals, register))
            if (assigned[source.Id] is { } sourceRegister && allowed.Contains(sourceRegister)) yield return (sourceRegister, true);
        foreach (var candidate in allowed) yield return (candidate, false);
    }

    /// <summary>Operands whose register the defining instruction at the interval's start could reuse without a move (when that
    /// register is free for the whole interval, which the caller checks).</summary>
    static IEnumerable<VReg> CoalescingSources(LiveIntervals intervals, int register)
    {
        int start = intervals.Start[register];
        if (start < 0 || start % 2 == 0) yield break;
        var instruction = intervals.Instructions[start / 2].Instruction;
        var candidates = instruction switch
        {
            Move { Src: VReg src } => [src],
            Binary { Left: VReg left, Right: VReg right } binary when LiveIntervals.IsCommutative(binary.Op) => [left, right],
            Binary { Left: VReg left } => [left],
            Unary { Src: VReg src } => [src],
            Extend { Src: VReg src } => [src],
            ByteSwap s => [s.Src],
            Atomic { Value: VReg value, Op: not AtomicOp.CompareExchange } => [value],
            _ => Array.Empty<VReg>(),
        };
        foreach (var candidate in candidates) yield return candidate;
    }
}
