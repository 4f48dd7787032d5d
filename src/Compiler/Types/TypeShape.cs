namespace Sharp.Bpf.Compiler.Types;

/// <summary>The memory shape of a C# type as the CLR lays it out on x86-64 and as eBPF code and BTF see it: a value, so
/// pipeline steps that hold one stay cacheable.</summary>
/// <remarks>Sizes and offsets are in bytes. <see cref="CSharpName"/> is the fully qualified C# spelling
/// (<c>global::Ns.Type</c>, or the keyword for built-in types), for generated code.</remarks>
internal abstract record TypeShape
{
    /// <summary>Size in bytes (what <c>Unsafe.SizeOf&lt;T&gt;()</c> returns).</summary>
    public abstract int Size { get; }

    /// <summary>Alignment in bytes, before any <c>Pack</c> of a containing struct.</summary>
    public abstract int Alignment { get; }

    /// <summary>The type as written in generated C#.</summary>
    public abstract string CSharpName { get; }
}

/// <summary>An integer: <c>sbyte</c>…<c>ulong</c>, <c>char</c> (unsigned, 2 bytes), <c>nint</c>/<c>nuint</c> (8 bytes).</summary>
internal sealed record IntegerShape(string CSharpName, int Size, bool Signed) : TypeShape
{
    public override int Size { get; } = Size;
    public override int Alignment => Size;
    public override string CSharpName { get; } = CSharpName;
}

/// <summary><c>bool</c>: one byte, 0 or 1.</summary>
internal sealed record BoolShape : TypeShape
{
    public override int Size => 1;
    public override int Alignment => 1;
    public override string CSharpName => "bool";
}

/// <summary><c>float</c> or <c>double</c>: laid out like the CLR does, so such fields can sit in a map value; eBPF has no
/// floating-point arithmetic.</summary>
internal sealed record FloatShape(string CSharpName, int Size) : TypeShape
{
    public override int Size { get; } = Size;
    public override int Alignment => Size;
    public override string CSharpName { get; } = CSharpName;
}

/// <summary>One named constant of an enum; <see cref="Value"/> holds the constant's bits (a <c>ulong</c> member above
/// <c>long.MaxValue</c> is negative here).</summary>
internal sealed record EnumMemberShape(string Name, long Value);

/// <summary>An enum: laid out as its underlying integer.</summary>
/// <param name="Name">A C identifier for the type (BTF name).</param>
internal sealed record EnumShape(string Name, string CSharpName, IntegerShape Underlying, EquatableArray<EnumMemberShape> Members) : TypeShape
{
    public override int Size => Underlying.Size;
    public override int Alignment => Underlying.Alignment;
    public override string CSharpName { get; } = CSharpName;
}

/// <summary>An unmanaged pointer (8 bytes). <see cref="Pointee"/> is null for <c>void*</c>.</summary>
internal sealed record PointerShape(TypeShape? Pointee) : TypeShape
{
    public override int Size => 8;
    public override int Alignment => 8;
    public override string CSharpName => (Pointee?.CSharpName ?? "void") + "*";
}

/// <summary>A struct named only, as the pointee of a pointer that leads back into a struct being laid out (a linked
/// list's <c>Node*</c>); BTF writes it as a forward declaration.</summary>
internal sealed record ForwardShape(string Name, string CSharpName) : TypeShape
{
    public override int Size => 0;
    public override int Alignment => 1;
    public override string CSharpName { get; } = CSharpName;
}

/// <summary>A fixed-size buffer field's type (<c>fixed byte Name[16]</c>): <see cref="Length"/> consecutive elements.</summary>
internal sealed record ArrayShape(TypeShape Element, int Length) : TypeShape
{
    public override int Size => Element.Size * Length;
    public override int Alignment => Element.Alignment;
    public override string CSharpName => Element.CSharpName + "*";
}

/// <summary>An <c>[InlineArray(N)]</c> struct: <see cref="Length"/> consecutive <see cref="Element"/>s, its single field
/// repeated.</summary>
/// <param name="Name">A C identifier for the type (BTF name).</param>
/// <param name="ElementFieldName">The name of the struct's single declared field.</param>
internal sealed record InlineArrayShape(string Name, string CSharpName, string ElementFieldName, TypeShape Element, int Length) : TypeShape
{
    public override int Size => Element.Size * Length;
    public override int Alignment => Element.Alignment;
    public override string CSharpName { get; } = CSharpName;
}

/// <summary>One instance field of a struct at its CLR offset. For an auto-property's backing field,
/// <see cref="Name"/> is the property's name.</summary>
internal sealed record FieldShape(string Name, int Offset, TypeShape Type);

/// <summary>A struct with sequential or explicit layout, its fields in declaration order.</summary>
/// <param name="Name">A C identifier for the type (BTF name): the type's name, with containing types and type arguments
/// joined by '_' (<c>LpmTrieKey_uint</c>).</param>
internal sealed record StructShape(string Name, string CSharpName, int Size, int Alignment, EquatableArray<FieldShape> Fields) : TypeShape
{
    public override int Size { get; } = Size;
    public override int Alignment { get; } = Alignment;
    public override string CSharpName { get; } = CSharpName;

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public FieldShape? Field(string name) => Fields.FirstOrDefault(field => field.Name == name);
}

/// <summary>The layout of a type, or why it has none in eBPF memory.</summary>
/// <param name="Shape">The layout; null when the type is not supported.</param>
/// <param name="WhyNot">When <see cref="Shape"/> is null: what makes the type unsupported and what to write instead.</param>
internal sealed record TypeLayoutResult(TypeShape? Shape, string? WhyNot)
{
    public static TypeLayoutResult Supported(TypeShape shape) => new(shape, null);

    public static TypeLayoutResult Unsupported(string whyNot) => new(null, whyNot);
}
