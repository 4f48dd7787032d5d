namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>The values where integer code goes wrong, per C# integer type, as raw bit patterns of the type's width:
/// 0, ±1, MinValue, MaxValue and their neighbours, every power of two, and each power of two minus one and negated —
/// plus the counts around every width, for shift and index operands.</summary>
public static class BoundaryValues
{
    /// <summary>The few values every pair of operands is crossed with.</summary>
    public static IReadOnlyList<ulong> Corners(IntegerKind kind) =>
        new ulong[] { 0, 1, kind.Mask, kind.MinValueBits, kind.MaxValueBits }.Distinct().ToArray();

    /// <summary>Every boundary value of <paramref name="kind"/>, distinct, as bit patterns of its width.</summary>
    public static IReadOnlyList<ulong> Of(IntegerKind kind)
    {
        var values = new List<ulong> { 0, 1, kind.Mask, kind.MinValueBits, kind.MaxValueBits, kind.MinValueBits + 1, kind.MaxValueBits - 1, 2 };
        for (int bit = 0; bit < kind.Bits; bit++)
        {
            ulong power = 1UL << bit;
            values.Add(power);
            values.Add(power - 1);
            values.Add(unchecked(0 - power) & kind.Mask);
        }
        foreach (var width in new ulong[] { 7, 8, 15, 16, 31, 32, 33, 63, 64, 65 })
            values.Add(width & kind.Mask);
        return values.Select(v => v & kind.Mask).Distinct().ToArray();
    }
}
