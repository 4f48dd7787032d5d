using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>How a scalar C# type lives in a 64-bit register: its width in bits and signedness. Values narrower than 64
/// bits are kept zero-extended from their own width (src/Compiler/README.md); bool is 0 or 1 in 8 bits.</summary>
internal readonly record struct ScalarType(int Bits, bool Signed)
{
    public int Size => Bits / 8;

    /// <summary>The width of ALU operations on this type: 64-bit types at W64, everything else at W32.</summary>
    public Ir.Width Width => Bits == 64 ? Ir.Width.W64 : Ir.Width.W32;

    public long Mask => Bits == 64 ? -1L : (1L << Bits) - 1;

    public long MinValue => Signed ? (Bits == 64 ? long.MinValue : -(1L << (Bits - 1))) : 0;

    /// <summary>The canonical register bits of <paramref name="value"/> (two's complement, truncated to the width).</summary>
    public long Canonical(long value) => value & Mask;

    /// <summary>The scalar representation of <paramref name="type"/>, or null for structs, classes, floats and the like.</summary>
    public static ScalarType? Of(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }) type = underlying;
        return type switch
        {
            IPointerTypeSymbol => new ScalarType(64, false),
            { SpecialType: SpecialType.System_Boolean } => new ScalarType(8, false),
            { SpecialType: SpecialType.System_Char } => new ScalarType(16, false),
            { SpecialType: SpecialType.System_SByte } => new ScalarType(8, true),
            { SpecialType: SpecialType.System_Byte } => new ScalarType(8, false),
            { SpecialType: SpecialType.System_Int16 } => new ScalarType(16, true),
            { SpecialType: SpecialType.System_UInt16 } => new ScalarType(16, false),
            { SpecialType: SpecialType.System_Int32 } => new ScalarType(32, true),
            { SpecialType: SpecialType.System_UInt32 } => new ScalarType(32, false),
            { SpecialType: SpecialType.System_Int64 } => new ScalarType(64, true),
            { SpecialType: SpecialType.System_UInt64 } => new ScalarType(64, false),
            { SpecialType: SpecialType.System_IntPtr } => new ScalarType(64, true),
            { SpecialType: SpecialType.System_UIntPtr } => new ScalarType(64, false),
            _ => null,
        };
    }

    public static bool IsFloatingPoint(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>The bits of a C# constant of an integral, char, bool or enum type (sign-extended to 64 bits), or null.</summary>
    public static long? ConstantBits(object? value) => value switch
    {
        bool v => v ? 1 : 0,
        char v => v,
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => unchecked((long)v),
        nint v => v,
        nuint v => unchecked((long)v),
        _ => null,
    };
}
