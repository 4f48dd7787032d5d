using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>A store of 1, 2 or 4 bytes writes only the low bytes of its value, so a truncation computed only for such stores is
/// not needed: a register defined once by <c>and</c> with a mask keeping at least the stored bytes, or by a zero extension from
/// at least their width, and read only as the value of stores that narrow, is replaced in them by its operand and goes — as
/// in <c>(byte)(source &gt;&gt; 8)</c> stored to a byte field.</summary>
internal static class NarrowStoreTruncation
{
    public static IrFunction Run(IrFunction function)
    {
        var definitions = new Dictionary<int, IrInstruction?>();
        var uses = new int[function.RegisterCount];
        var widest = new int[function.RegisterCount];
        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
            {
                foreach (var used in IrOperands.Uses(instruction)) uses[used.Id]++;
                var (stored, size) = StoredValue(instruction);
                if (stored is not null && IsBase(instruction, stored)) stored = null;
                foreach (var used in IrOperands.Uses(instruction))
                    if (used != stored) widest[used.Id] = int.MaxValue;
                if (stored is not null) widest[stored.Id] = Math.Max(widest[stored.Id], size);
                if (IrOperands.Defined(instruction) is { } defined)
                    definitions[defined.Id] = definitions.ContainsKey(defined.Id) ? null : instruction;
            }
            foreach (var used in IrOperands.Uses(block.Terminator)) widest[used.Id] = int.MaxValue;
        }
        // Each candidate's stores must follow it in its own block with its operand unchanged in between.
        var replaced = new Dictionary<int, VReg>();
        foreach (var block in function.Blocks)
        {
            var open = new Dictionary<int, (VReg Source, bool Intact, int Stores)>();
            var failed = new HashSet<int>();
            foreach (var instruction in block.Instructions)
            {
                foreach (var used in IrOperands.Uses(instruction))
                    if (open.TryGetValue(used.Id, out var candidate))
                    {
                        if (candidate.Intact) open[used.Id] = candidate with { Stores = candidate.Stores + 1 };
                        else failed.Add(used.Id);
                    }
                if (IrOperands.Defined(instruction) is not { } defined) continue;
                foreach (var (register, candidate) in open.ToList())
                    if (candidate.Source == defined) open[register] = candidate with { Intact = false };
                if (definitions[defined.Id] is not null && defined.Id >= function.ParameterCount && widest[defined.Id] <= 4
                    && Truncated(instruction) is ({ } source, int keptBits) && source != defined && keptBits >= 8 * widest[defined.Id])
                    open[defined.Id] = (source, true, 0);
            }
            foreach (var (register, candidate) in open)
                if (!failed.Contains(register) && candidate.Stores == uses[register] && uses[register] > 0) replaced[register] = candidate.Source;
        }
        if (replaced.Count == 0) return function;
        var blocks = function.Blocks.Select(block => block with
        {
            Instructions = block.Instructions
                .Where(i => !(IrOperands.Defined(i) is { } defined && replaced.ContainsKey(defined.Id)))
                .Select(i => StoredValue(i) is ({ } value, _) && replaced.TryGetValue(value.Id, out var source)
                    ? i switch
                    {
                        Store s => s with { Value = source },
                        StoreStack s => s with { Value = source },
                        _ => i,
                    }
                    : i)
                .ToEquatableArray(),
        }).ToEquatableArray();
        return function with { Blocks = blocks };
    }

    /// <summary>The register a store writes and how many bytes; nothing for other instructions or constant values.</summary>
    static (VReg? Value, int Size) StoredValue(IrInstruction instruction) => instruction switch
    {
        Store { Value: VReg value } s => (value, s.Size),
        StoreStack { Value: VReg value } s => (value, s.Size),
        _ => (null, 0),
    };

    static bool IsBase(IrInstruction instruction, VReg value) => instruction is Store s && s.Base == value;

    /// <summary>The operand of a truncation and how many of its low bits the result keeps.</summary>
    static (VReg? Source, int KeptBits) Truncated(IrInstruction instruction) => instruction switch
    {
        Binary { Op: BinaryOp.And, Left: VReg source, Right: Imm { Value: var mask } } => (source, LowOnes(mask)),
        Extend { Signed: false, Src: VReg source, FromBits: var bits } => (source, bits),
        _ => (null, 0),
    };

    /// <summary>How many low bits of <paramref name="mask"/> are all ones.</summary>
    static int LowOnes(long mask)
    {
        int bits = 0;
        while (bits < 64 && (mask >> bits & 1) == 1) bits++;
        return bits;
    }
}
