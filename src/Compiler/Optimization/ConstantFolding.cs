using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Propagates known constants into operands (those a 32-bit immediate holds, so no <c>lddw</c> is duplicated) and
/// evaluates operations on constants with BPF's exact 32/64-bit semantics; simplifies identities (<c>x + 0</c>, <c>x * 1</c>
/// at 64 bits, <c>x * 0</c>), and turns multiplication, unsigned division and modulo by powers of two into shifts and masks.
/// Division or modulo by zero and signed <c>MinValue / -1</c> are left for the kernel, never folded.</summary>
internal static class ConstantFolding
{
    public static IrFunction Run(IrFunction function)
    {
        var entry = ValueFacts.Compute(function);
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            if (entry[block.Id] is not { } facts)
            {
                blocks.Add(block);
                continue;
            }
            var output = new List<IrInstruction>();
            foreach (var instruction in block.Instructions)
            {
                var rewritten = Simplify(IrOperands.ReplaceUses(instruction, r => Propagated(r, facts)), facts);
                output.Add(rewritten);
                ValueFacts.Transfer(rewritten, facts);
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray(), Terminator = IrOperands.ReplaceUses(block.Terminator, r => Propagated(r, facts)) });
        }
        return function with { Blocks = blocks.ToEquatableArray() };
    }

    static Operand Propagated(VReg register, Dictionary<int, Operand> facts) =>
        facts.TryGetValue(register.Id, out var value) && value is Imm { Value: >= int.MinValue and <= int.MaxValue } ? value : register;

    static long? Constant(Operand operand, Dictionary<int, Operand> facts) => operand switch
    {
        Imm imm => imm.Value,
        VReg register when facts.TryGetValue(register.Id, out var value) && value is Imm imm => imm.Value,
        _ => null,
    };

    static IrInstruction Simplify(IrInstruction instruction, Dictionary<int, Operand> facts)
    {
        switch (instruction)
        {
            case Binary b:
                if (Constant(b.Left, facts) is { } left && Constant(b.Right, facts) is { } right)
                    return Evaluate(b.Op, b.Width, left, right) is { } value ? Folded(b, b.Dst, value) : b;
                // Constants go right in commutative operations, where the immediate forms and the identities below take them.
                if (b.Left is Imm && b.Right is VReg && b.Op is BinaryOp.Add or BinaryOp.Mul or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor)
                    b = b with { Left = b.Right, Right = b.Left };
                return SimplifyBinary(b, Constant(b.Right, facts));
            case Unary u when Constant(u.Src, facts) is { } source:
                long result = u.Op == UnaryOp.Neg ? unchecked(-source) : ~source;
                return Folded(u, u.Dst, u.Width == Width.W32 ? (uint)result : result);
            case Extend e when Constant(e.Src, facts) is { } source:
                return Folded(e, e.Dst, Extended(source, e.FromBits, e.Signed));
            case ByteSwap s when Constant(s.Src, facts) is { } source:
                return Folded(s, s.Dst, Swapped(source, s.Bits));
            default:
                return instruction;
        }
    }

    static Move Folded(IrInstruction original, VReg dst, long value) => new(dst, new Imm(value)) { Line = original.Line };

    static IrInstruction SimplifyBinary(Binary b, long? right)
    {
        if (right is not { } c) return b;
        bool is64 = b.Width == Width.W64;
        ulong bits = is64 ? (ulong)c : (uint)c;
        switch (b.Op)
        {
            case BinaryOp.Mul or BinaryOp.And when bits == 0:
                return Folded(b, b.Dst, 0);
            case BinaryOp.Add or BinaryOp.Sub or BinaryOp.Or or BinaryOp.Xor when is64 && bits == 0:
                return new Move(b.Dst, b.Left) { Line = b.Line };
            case BinaryOp.Lsh or BinaryOp.Rsh or BinaryOp.Arsh when is64 && (bits & 63) == 0:
                return new Move(b.Dst, b.Left) { Line = b.Line };
            case BinaryOp.Mul or BinaryOp.UDiv or BinaryOp.SDiv when is64 && bits == 1:
                return new Move(b.Dst, b.Left) { Line = b.Line };
            case BinaryOp.And when is64 && c == -1:
                return new Move(b.Dst, b.Left) { Line = b.Line };
            case BinaryOp.Mul when bits > 1 && ulong.IsPow2(bits):
                return b with { Op = BinaryOp.Lsh, Right = new Imm((long)ulong.Log2(bits)) };
            case BinaryOp.UDiv when bits > 1 && ulong.IsPow2(bits):
                return b with { Op = BinaryOp.Rsh, Right = new Imm((long)ulong.Log2(bits)) };
            case BinaryOp.UMod when bits > 1 && ulong.IsPow2(bits) && (!is64 || bits - 1 <= int.MaxValue):
                return b with { Op = BinaryOp.And, Right = new Imm((long)(bits - 1)) };
            default:
                return b;
        }
    }

    /// <summary>BPF's result of <c>left op right</c>, or null when it must not be folded (division by zero, signed overflow).</summary>
    public static long? Evaluate(BinaryOp op, Width width, long left, long right)
    {
        if (width == Width.W32)
        {
            uint a = (uint)left, b = (uint)right;
            uint? result = op switch
            {
                BinaryOp.Add => a + b,
                BinaryOp.Sub => a - b,
                BinaryOp.Mul => a * b,
                BinaryOp.UDiv => b == 0 ? null : a / b,
                BinaryOp.UMod => b == 0 ? null : a % b,
                BinaryOp.SDiv => b == 0 || (int)a == int.MinValue && (int)b == -1 ? null : (uint)((int)a / (int)b),
                BinaryOp.SMod => b == 0 || (int)a == int.MinValue && (int)b == -1 ? null : (uint)((int)a % (int)b),
                BinaryOp.Or => a | b,
                BinaryOp.And => a & b,
                BinaryOp.Xor => a ^ b,
                BinaryOp.Lsh => a << (int)(b & 31),
                BinaryOp.Rsh => a >> (int)(b & 31),
                BinaryOp.Arsh => (uint)((int)a >> (int)(b & 31)),
                _ => null,
            };
            return result;
        }
        ulong x = (ulong)left, y = (ulong)right;
        ulong? wide = op switch
        {
            BinaryOp.Add => x + y,
            BinaryOp.Sub => x - y,
            BinaryOp.Mul => x * y,
            BinaryOp.UDiv => y == 0 ? null : x / y,
            BinaryOp.UMod => y == 0 ? null : x % y,
            BinaryOp.SDiv => y == 0 || left == long.MinValue && right == -1 ? null : (ulong)(left / right),
            BinaryOp.SMod => y == 0 || left == long.MinValue && right == -1 ? null : (ulong)(left % right),
            BinaryOp.Or => x | y,
            BinaryOp.And => x & y,
            BinaryOp.Xor => x ^ y,
            BinaryOp.Lsh => x << (int)(y & 63),
            BinaryOp.Rsh => x >> (int)(y & 63),
            BinaryOp.Arsh => (ulong)(left >> (int)(y & 63)),
            _ => null,
        };
        return wide is { } value ? (long)value : null;
    }

    public static long Extended(long value, int fromBits, bool signed) => (fromBits, signed) switch
    {
        (8, true) => (sbyte)value,
        (16, true) => (short)value,
        (32, true) => (int)value,
        (8, false) => (byte)value,
        (16, false) => (ushort)value,
        (32, false) => (uint)value,
        _ => value,
    };

    static long Swapped(long value, int bits) => bits switch
    {
        16 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((ushort)value),
        32 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)value),
        _ => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value),
    };
}
