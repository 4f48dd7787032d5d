using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Drops zero-extensions of values already zero above the extended width: results of 32-bit operations, narrow loads,
/// earlier extensions, small constants. A register's known width is the widest of all its definitions (the IR is not SSA), found
/// by iterating to a fixed point; a zero-extension that changes nothing becomes a move, which copy propagation then removes.</summary>
internal static class RedundantExtension
{
    public static IrFunction Run(IrFunction function)
    {
        var width = KnownZeroExtendedWidths(function);
        int Bits(Operand operand) => operand switch
        {
            Imm { Value: var value } => value < 0 ? 64 : 64 - (int)ulong.LeadingZeroCount((ulong)value),
            VReg register => width[register.Id],
            _ => 64,
        };
        bool changed = false;
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var output = new List<IrInstruction>();
            foreach (var instruction in block.Instructions)
            {
                if (instruction is Extend { Signed: false } extend && Bits(extend.Src) <= extend.FromBits)
                {
                    output.Add(new Move(extend.Dst, extend.Src) { Line = extend.Line });
                    changed = true;
                }
                else
                    output.Add(instruction);
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray() });
        }
        return changed ? function with { Blocks = blocks.ToEquatableArray() } : function;
    }

    /// <summary>For each register, how many low bits can be non-zero (64: unknown).</summary>
    static int[] KnownZeroExtendedWidths(IrFunction function)
    {
        var width = new int[function.RegisterCount];
        for (int p = 0; p < function.ParameterCount; p++) width[p] = 64;
        var definitions = function.Blocks.SelectMany(b => b.Instructions).Where(i => IrOperands.Defined(i) is not null).ToList();
        // Optimistic start (0 bits) for defined registers, raised until every definition fits.
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var instruction in definitions)
            {
                var dst = IrOperands.Defined(instruction)!;
                int bits = Math.Max(width[dst.Id], Produced(instruction, width));
                if (bits != width[dst.Id])
                {
                    width[dst.Id] = bits;
                    changed = true;
                }
            }
        }
        return width;
    }

    static int Produced(IrInstruction instruction, int[] width)
    {
        int Of(Operand operand) => operand switch
        {
            Imm { Value: var value } => value < 0 ? 64 : 64 - (int)ulong.LeadingZeroCount((ulong)value),
            VReg register => width[register.Id],
            _ => 64,
        };
        return instruction switch
        {
            Move m => Of(m.Src),
            Binary { Width: Width.W32 } => 32,
            Binary { Op: BinaryOp.And } b => Math.Min(Of(b.Left), Of(b.Right)),
            Binary { Op: BinaryOp.Or or BinaryOp.Xor } b => Math.Max(Of(b.Left), Of(b.Right)),
            Binary { Op: BinaryOp.Rsh or BinaryOp.UDiv or BinaryOp.UMod } b => Of(b.Left),
            Unary { Width: Width.W32 } => 32,
            Extend { Signed: false } e => Math.Min(e.FromBits, Of(e.Src)),
            ByteSwap s => s.Bits,
            Load { SignExtend: false } l => l.Size * 8,
            LoadStack { SignExtend: false } l => l.Size * 8,
            Atomic { Size: 4 } => 32,
            _ => 64,
        };
    }
}
