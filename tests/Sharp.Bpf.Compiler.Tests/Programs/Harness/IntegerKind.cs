namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>A C# integer type as the input generator sees it: its width and signedness.</summary>
/// <param name="Bits">8, 16, 32 or 64.</param>
/// <param name="Signed">True for sbyte, short, int and long.</param>
public sealed record IntegerKind(int Bits, bool Signed)
{
    /// <summary>All ones in the type's width (-1 when signed).</summary>
    public ulong Mask => Bits == 64 ? ulong.MaxValue : (1UL << Bits) - 1;

    /// <summary>MinValue's bit pattern.</summary>
    public ulong MinValueBits => Signed ? 1UL << (Bits - 1) : 0;

    /// <summary>MaxValue's bit pattern.</summary>
    public ulong MaxValueBits => Signed ? (1UL << (Bits - 1)) - 1 : Mask;

    /// <summary>The kind of a C# integer type (bool and char count as their unsigned widths).</summary>
    public static IntegerKind Of(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.SByte => new(8, true),
        TypeCode.Byte or TypeCode.Boolean => new(8, false),
        TypeCode.Int16 => new(16, true),
        TypeCode.UInt16 or TypeCode.Char => new(16, false),
        TypeCode.Int32 => new(32, true),
        TypeCode.UInt32 => new(32, false),
        TypeCode.Int64 => new(64, true),
        TypeCode.UInt64 => new(64, false),
        _ => throw new ArgumentException($"{type} is not an integer type; input structs hold integer fields only", nameof(type)),
    };

    /// <summary>Renders <paramref name="bits"/> as a value of this type.</summary>
    public string Format(ulong bits) => Signed
        ? (Bits switch { 8 => (sbyte)bits, 16 => (short)bits, 32 => (int)bits, _ => (long)bits }).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (bits & Mask).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
