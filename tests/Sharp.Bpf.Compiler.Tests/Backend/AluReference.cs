using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>What C# computes for each IR operation on register contents (a 32-bit operation reads the low halves and
/// zero-extends its result), and which operands the lowering lets through (no zero divisor, no MinValue / -1).</summary>
internal static class AluReference
{
    public static bool IsValid(BinaryOp op, Width width, ulong a, ulong b)
    {
        bool divides = op is BinaryOp.UDiv or BinaryOp.UMod or BinaryOp.SDiv or BinaryOp.SMod;
        bool signed = op is BinaryOp.SDiv or BinaryOp.SMod;
        if (width == Width.W32)
            return !divides || (uint)b != 0 && !(signed && (int)a == int.MinValue && (int)b == -1);
        return !divides || b != 0 && !(signed && (long)a == long.MinValue && (long)b == -1);
    }

    public static ulong Compute(BinaryOp op, Width width, ulong a, ulong b) => width == Width.W64 ? Compute64(op, a, b) : Compute32(op, (uint)a, (uint)b);

    static ulong Compute64(BinaryOp op, ulong a, ulong b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.UDiv => a / b,
        BinaryOp.UMod => a % b,
        BinaryOp.SDiv => (ulong)((long)a / (long)b),
        BinaryOp.SMod => (ulong)((long)a % (long)b),
        BinaryOp.Or => a | b,
        BinaryOp.And => a & b,
        BinaryOp.Xor => a ^ b,
        BinaryOp.Lsh => a << (int)(b & 63),
        BinaryOp.Rsh => a >> (int)(b & 63),
        BinaryOp.Arsh => (ulong)((long)a >> (int)(b & 63)),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    static ulong Compute32(BinaryOp op, uint a, uint b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.UDiv => a / b,
        BinaryOp.UMod => a % b,
        BinaryOp.SDiv => (uint)((int)a / (int)b),
        BinaryOp.SMod => (uint)((int)a % (int)b),
        BinaryOp.Or => a | b,
        BinaryOp.And => a & b,
        BinaryOp.Xor => a ^ b,
        BinaryOp.Lsh => a << (int)(b & 31),
        BinaryOp.Rsh => a >> (int)(b & 31),
        BinaryOp.Arsh => (uint)((int)a >> (int)(b & 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Boundary operands: zero, ±1, the 32- and 64-bit extremes and their neighbours, shift-count edges.</summary>
    public static readonly ulong[] Boundaries =
    [
        0, 1, 2, 3, 7, 31, 32, 63, 64, 0xff, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000, 0x1_2345_6789,
        0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000, 0xffff_ffff_ffff_fffe, 0xffff_ffff_ffff_ffff, unchecked((ulong)-7L), 0xffff_ffff_8000_0000,
    ];

    /// <summary>Boundary operands plus <paramref name="count"/> seeded random ones (mixed magnitudes).</summary>
    public static IEnumerable<ulong> Operands(int count, int seed)
    {
        var random = new Random(seed);
        foreach (var value in Boundaries) yield return value;
        for (int i = 0; i < count; i++)
        {
            ulong value = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            yield return (i % 3) switch { 0 => value, 1 => value >> random.Next(1, 64), _ => (ulong)(long)(int)value };
        }
    }
}
