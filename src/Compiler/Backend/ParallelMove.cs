using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Sequentialises moves that happen at once (parameters leaving r1..r5, arguments entering them): a move is emitted
/// once no pending move still reads its destination; a cycle is broken through a free register; constants go last, since they
/// read nothing.</summary>
internal static class ParallelMove
{
    /// <summary>Emits register moves <paramref name="moves"/> and constant loads <paramref name="constants"/>.</summary>
    /// <param name="moves">Destination and source registers; destinations are distinct.</param>
    /// <param name="constants">Destinations and values.</param>
    /// <param name="scratch">Registers a cycle may borrow when neither a destination nor a source.</param>
    /// <param name="emit">Receives each instruction.</param>
    public static void Emit(List<(Register Dst, Register Src)> moves, List<(Register Dst, long Value)> constants, IReadOnlyList<Register> scratch,
        Action<Instruction> emit)
    {
        var pending = moves.Where(m => m.Dst != m.Src).ToList();
        var destinations = moves.Select(m => m.Dst).Concat(constants.Select(c => c.Dst)).ToHashSet();
        while (pending.Count > 0)
        {
            int ready = pending.FindIndex(m => !pending.Any(other => other.Src == m.Dst));
            if (ready >= 0)
            {
                var move = pending[ready];
                pending.RemoveAt(ready);
                emit(Instruction.Alu64(AluOperation.Mov, move.Dst, move.Src));
                continue;
            }
            var blocked = pending[0].Dst;
            var temporary = scratch.First(r => !destinations.Contains(r) && !pending.Any(m => m.Src == r));
            emit(Instruction.Alu64(AluOperation.Mov, temporary, blocked));
            for (int i = 0; i < pending.Count; i++)
                if (pending[i].Src == blocked) pending[i] = pending[i] with { Src = temporary };
        }
        foreach (var (dst, value) in constants)
            foreach (var instruction in InstructionSelector.LoadConstant(dst, value))
                emit(instruction);
    }
}
