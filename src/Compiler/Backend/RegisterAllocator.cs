using Sharp.Bpf.Asm;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Register allocation of virtual registers to r0..r9 in order of live-range start, each taking the first preferred
/// register none of whose holders' live segments overlap its own. Values live across a call get r6..r9; hints avoid
/// moves (arrival registers, call arguments, r0 for results, the operand a result overwrites in two-address form). When the
/// registers run out, the value needed furthest away is spilled to an 8-byte stack slot (<see cref="SpillRewriter"/>) and
/// allocation starts again on the rewritten function.</summary>
internal static class RegisterAllocator
{
    const int MaxRounds = 32;

    static readonly Register[] CallerSaved = [Register.R1, Register.R2, Register.R3, Register.R4, Register.R5, Register.R0];
    static readonly Register[] CalleeSaved = [Register.R6, Register.R7, Register.R8, Register.R9];

    /// <summary>The allocated function (with any spill code), its intervals, and each virtual register's physical register.</summary>
    public sealed record Result(IrFunction Function, LiveIntervals Intervals, Register[] Registers, int SpilledCount);

    public static Result Allocate(IrFunction function)
    {
        var unspillable = new HashSet<int>();
        int spilled = 0;
        for (int round = 0; round < MaxRounds; round++)
        {
            var intervals = LiveIntervals.Compute(function);
            var (registers, toSpill) = Scan(intervals, unspillable);
            if (toSpill.Count == 0) return new Result(function, intervals, registers, spilled);
            spilled += toSpill.Count;
            function = SpillRewriter.Rewrite(function, toSpill, intervals.EntryParameters, unspillable);
        }
        throw new InvalidOperationException($"register allocation of '{function.Name}' did not converge after {MaxRounds} rounds of spilling");
    }

    static (Register[] Registers, List<int> Spill) Scan(LiveIntervals intervals, HashSet<int> unspillable)
    {
        var function = intervals.Function;
        var assigned = new Register?[function.RegisterCount];
        var spill = new List<int>();
        var holders = new List<int>[10];
        for (int r = 0; r < holders.Length; r++) holders[r] = [];
        var order = Enumerable.Range(0, function.RegisterCount).Where(intervals.IsUsed)
            .OrderBy(r => intervals.Start[r]).ThenBy(r => r).ToList();
        List<int> Conflicts(int current, Register register) => holders[(int)register].Where(other => intervals.Overlap(current, other)).ToList();
        foreach (int current in order)
        {
            var allowed = Allowed(intervals, current);
            Register? choice = null;
            foreach (var candidate in Preferences(intervals, current, assigned, allowed))
                if (Conflicts(current, candidate).Count == 0) { choice = candidate; break; }
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
                    holders[(int)choice!.Value].Remove(victim);
                    assigned[victim] = null;
                    spill.Add(victim);
                }
            }
            assigned[current] = choice;
            holders[(int)choice!.Value].Add(current);
        }
        return (assigned.Select(r => r ?? Register.R0).ToArray(), spill);
    }

    static List<Register> Allowed(LiveIntervals intervals, int register)
    {
        var allowed = intervals.CrossesCall[register] ? [.. CalleeSaved] : CallerSaved.Concat(CalleeSaved).ToList();
        if (intervals.AvoidsR0[register]) allowed.Remove(Register.R0);
        return allowed;
    }

    /// <summary>Registers to try in order: the fixed-register hint, then the register of an operand this value overwrites in
    /// place (when that operand dies here), then the rest.</summary>
    static IEnumerable<Register> Preferences(LiveIntervals intervals, int register, Register?[] assigned, List<Register> allowed)
    {
        if (intervals.Hint[register] is { } hint && allowed.Contains(hint)) yield return hint;
        foreach (var source in CoalescingSources(intervals, register))
            if (assigned[source.Id] is { } sourceRegister && allowed.Contains(sourceRegister)) yield return sourceRegister;
        foreach (var candidate in allowed) yield return candidate;
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
