using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Turns the fields of a stack slot whose address is never taken (no <see cref="StackAddress"/>) into virtual registers,
/// so small structs live in registers instead of memory. A slot qualifies when its accesses are whole fields: any two accesses
/// are at the same offset with the same size, or do not overlap. Each field register starts at zero on entry (so a path that
/// reads before writing reads what a zeroed slot would hold; dead-code elimination removes the zeroing where every path
/// writes first); a store keeps the low bytes (zero-extended), a load reads them back, sign-extended when the load says so.
/// The slot itself is left unreferenced, and the backend gives it no space.</summary>
internal static class ScalarReplacement
{
    public static IrFunction Run(IrFunction function)
    {
        var accesses = new Dictionary<int, HashSet<(int Offset, int Size)>>();
        var addressed = new HashSet<int>();
        foreach (var block in function.Blocks)
            foreach (var instruction in block.Instructions)
                switch (instruction)
                {
                    case StackAddress a: addressed.Add(a.Slot); break;
                    case LoadStack l: Access(accesses, l.Slot).Add((l.Offset, l.Size)); break;
                    case StoreStack s: Access(accesses, s.Slot).Add((s.Offset, s.Size)); break;
                }
        int registerCount = function.RegisterCount;
        var fields = new Dictionary<(int Slot, int Offset), VReg>();
        foreach (var (slot, fieldAccesses) in accesses.OrderBy(a => a.Key))
        {
            if (addressed.Contains(slot) || !AreWholeFields(fieldAccesses)) continue;
            foreach (var (offset, _) in fieldAccesses.OrderBy(a => a.Offset)) fields[(slot, offset)] = new VReg(registerCount++);
        }
        if (fields.Count == 0) return function;
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var output = new List<IrInstruction>();
            if (block.Id == 0)
                output.AddRange(fields.Values.Select(field => new Move(field, new Imm(0))));
            foreach (var instruction in block.Instructions)
                output.Add(instruction switch
                {
                    LoadStack l when fields.TryGetValue((l.Slot, l.Offset), out var field) =>
                        l.Size == 8 ? new Move(l.Dst, field) { Line = l.Line } : new Extend(l.Dst, field, l.Size * 8, l.SignExtend) { Line = l.Line },
                    StoreStack s when fields.TryGetValue((s.Slot, s.Offset), out var field) =>
                        s.Size == 8 ? new Move(field, s.Value) { Line = s.Line } : new Extend(field, s.Value, s.Size * 8, Signed: false) { Line = s.Line },
                    _ => instruction,
                });
            blocks.Add(block with { Instructions = output.ToEquatableArray() });
        }
        return function with { RegisterCount = registerCount, Blocks = blocks.ToEquatableArray() };
    }

    static HashSet<(int, int)> Access(Dictionary<int, HashSet<(int, int)>> accesses, int slot)
    {
        if (!accesses.TryGetValue(slot, out var set)) accesses[slot] = set = [];
        return set;
    }

    static bool AreWholeFields(HashSet<(int Offset, int Size)> accesses)
    {
        var sorted = accesses.OrderBy(a => a.Offset).ThenBy(a => a.Size).ToList();
        for (int i = 1; i < sorted.Count; i++)
            if (sorted[i].Offset < sorted[i - 1].Offset + sorted[i - 1].Size) return false;
        return sorted.All(a => a.Size is 1 or 2 or 4 or 8);
    }
}
