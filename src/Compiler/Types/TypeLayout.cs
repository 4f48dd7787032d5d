using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler.Types;

/// <summary>Computes a type's <see cref="TypeShape"/> exactly as the CLR lays it out on x86-64 (managed layout, what
/// <c>Unsafe.SizeOf&lt;T&gt;()</c> and field addresses show): sequential layout with natural alignment capped by
/// <c>Pack</c>, explicit layout from <c>[FieldOffset]</c>, a <c>Size</c> that enlarges a struct, fixed buffers and
/// <c>[InlineArray]</c>. Types from source read <c>[StructLayout]</c>/<c>[FieldOffset]</c> as attributes; types from
/// referenced assemblies read them from metadata (the CLR's layout flags, ClassLayout and FieldLayout tables), where they
/// are not attributes. Symbols in, values out: the result holds no symbol.</summary>
internal static class TypeLayout
{
    const string StructLayoutAttributeName = "System.Runtime.InteropServices.StructLayoutAttribute";
    const string FieldOffsetAttributeName = "System.Runtime.InteropServices.FieldOffsetAttribute";
    const string InlineArrayAttributeName = "System.Runtime.CompilerServices.InlineArrayAttribute";

    /// <summary>The CLR's default packing: fields align to their natural alignment up to 8 bytes.</summary>
    const int DefaultPack = 8;

    /// <summary>The layout of <paramref name="type"/>, or why it cannot live in eBPF memory.</summary>
    public static TypeLayoutResult Of(ITypeSymbol type) => new Walker().Of(type);

    /// <summary>The layout of an instance field's type (a fixed-size buffer is an <see cref="ArrayShape"/>).</summary>
    public static TypeLayoutResult OfField(IFieldSymbol field) => new Walker().OfField(field);

    enum Layout { Sequential, Explicit, Auto }

    sealed record LayoutInfo(Layout Kind, int Pack, int Size);

    /// <summary>One computation: remembers the structs being laid out, to cut pointer cycles and reject by-value ones.</summary>
    sealed class Walker
    {
        readonly HashSet<ITypeSymbol> inProgress = new(SymbolEqualityComparer.Default);

        public TypeLayoutResult OfField(IFieldSymbol field)
        {
            if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol { PointedAtType: var element })
            {
                var elementLayout = Of(element);
                return elementLayout.Shape is { } shape
                    ? TypeLayoutResult.Supported(new ArrayShape(shape, field.FixedSize))
                    : elementLayout;
            }
            return Of(field.Type);
        }

        public TypeLayoutResult Of(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return TypeLayoutResult.Supported(new BoolShape());
                case SpecialType.System_Char: return Integer("char", 2, false);
                case SpecialType.System_SByte: return Integer("sbyte", 1, true);
                case SpecialType.System_Byte: return Integer("byte", 1, false);
                case SpecialType.System_Int16: return Integer("short", 2, true);
                case SpecialType.System_UInt16: return Integer("ushort", 2, false);
                case SpecialType.System_Int32: return Integer("int", 4, true);
                case SpecialType.System_UInt32: return Integer("uint", 4, false);
                case SpecialType.System_Int64: return Integer("long", 8, true);
                case SpecialType.System_UInt64: return Integer("ulong", 8, false);
                case SpecialType.System_IntPtr: return Integer("nint", 8, true);
                case SpecialType.System_UIntPtr: return Integer("nuint", 8, false);
                case SpecialType.System_Single: return TypeLayoutResult.Supported(new FloatShape("float", 4));
                case SpecialType.System_Double: return TypeLayoutResult.Supported(new FloatShape("double", 8));
                case SpecialType.System_Decimal:
                    return TypeLayoutResult.Unsupported("'decimal' has no eBPF representation: use an integer (a fixed-point count)");
            }
            switch (type)
            {
                case IErrorTypeSymbol:
                    return TypeLayoutResult.Unsupported($"type '{type.ToDisplayString()}' could not be resolved");
                case ITypeParameterSymbol:
                    return TypeLayoutResult.Unsupported($"'{type.Name}' is a type parameter: eBPF layouts need a concrete type");
                case IPointerTypeSymbol pointer:
                    return Pointer(pointer);
                case IFunctionPointerTypeSymbol:
                    return TypeLayoutResult.Unsupported($"'{type.ToDisplayString()}' is a function pointer: eBPF cannot call through pointers");
                case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } named:
                    return Enum(named, underlying);
                case INamedTypeSymbol { TypeKind: TypeKind.Struct } named:
                    return Struct(named);
                default:
                    return TypeLayoutResult.Unsupported(
                        $"'{type.ToDisplayString()}' is a reference type: eBPF memory holds only unmanaged values; use a struct of integers");
            }
        }

        static TypeLayoutResult Integer(string name, int size, bool signed) => TypeLayoutResult.Supported(new IntegerShape(name, size, signed));

        TypeLayoutResult Pointer(IPointerTypeSymbol pointer)
        {
            if (pointer.PointedAtType.SpecialType == SpecialType.System_Void)
                return TypeLayoutResult.Supported(new PointerShape(null));
            if (inProgress.Contains(pointer.PointedAtType))
                return TypeLayoutResult.Supported(new PointerShape(new ForwardShape(CName(pointer.PointedAtType), FullName(pointer.PointedAtType))));
            var pointee = Of(pointer.PointedAtType);
            return pointee.Shape is { } shape
                ? TypeLayoutResult.Supported(new PointerShape(shape))
                : TypeLayoutResult.Unsupported($"pointer '{pointer.ToDisplayString()}': {pointee.WhyNot}");
        }

        static TypeLayoutResult Enum(INamedTypeSymbol type, INamedTypeSymbol underlying)
        {
            if (new Walker().Of(underlying).Shape is not IntegerShape integer)
                return TypeLayoutResult.Unsupported($"enum '{type.ToDisplayString()}' has an unsupported underlying type");
            var members = type.GetMembers().OfType<IFieldSymbol>()
                .Where(field => field.HasConstantValue)
                .Select(field => new EnumMemberShape(field.Name, Bits(field.ConstantValue)))
                .ToEquatableArray();
            return TypeLayoutResult.Supported(new EnumShape(CName(type), FullName(type), integer, members));
        }

        static long Bits(object? value) => value switch
        {
            ulong v => unchecked((long)v),
            null => 0,
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };

        TypeLayoutResult Struct(INamedTypeSymbol type)
        {
            string display = type.ToDisplayString();
            if (type.IsRefLikeType)
                return TypeLayoutResult.Unsupported($"'{display}' is a ref struct: it cannot be stored in eBPF memory; use a plain struct");
            if (IsHardwareAligned(type))
                return TypeLayoutResult.Unsupported($"'{display}' has 16-byte alignment that eBPF has no type for: use two ulong fields");
            if (!inProgress.Add(type))
                return TypeLayoutResult.Unsupported($"struct '{display}' contains itself");
            try
            {
                var layout = LayoutOf(type);
                if (layout.Kind == Layout.Auto)
                    return TypeLayoutResult.Unsupported(
                        $"'{display}' has auto layout: the runtime may reorder its fields; use [StructLayout(LayoutKind.Sequential)] or Explicit");

                var fields = new List<(IFieldSymbol Field, TypeShape Shape)>();
                foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.IsStatic || field.IsConst) continue;
                    var fieldLayout = OfField(field);
                    if (fieldLayout.Shape is not { } shape)
                        return TypeLayoutResult.Unsupported($"field '{display}.{FieldName(field)}': {fieldLayout.WhyNot}");
                    fields.Add((field, shape));
                }

                if (InlineArrayLength(type) is { } length)
                {
                    if (fields.Count != 1 || length <= 0)
                        return TypeLayoutResult.Unsupported($"[InlineArray] struct '{display}' needs exactly one instance field and a positive length");
                    return TypeLayoutResult.Supported(new InlineArrayShape(CName(type), FullName(type), FieldName(fields[0].Field), fields[0].Shape, length));
                }

                return layout.Kind == Layout.Explicit ? Explicit(type, layout, fields) : Sequential(type, layout, fields);
            }
            finally
            {
                inProgress.Remove(type);
            }
        }

        static TypeLayoutResult Sequential(INamedTypeSymbol type, LayoutInfo layout, List<(IFieldSymbol Field, TypeShape Shape)> fields)
        {
            int offset = 0, alignment = 1;
            var shapes = new List<FieldShape>(fields.Count);
            foreach (var (field, shape) in fields)
            {
                int fieldAlignment = Math.Min(shape.Alignment, layout.Pack);
                offset = AlignUp(offset, fieldAlignment);
                shapes.Add(new FieldShape(FieldName(field), offset, shape));
                offset += shape.Size;
                alignment = Math.Max(alignment, fieldAlignment);
            }
            return Finish(type, layout, shapes, offset, alignment);
        }

        static TypeLayoutResult Explicit(INamedTypeSymbol type, LayoutInfo layout, List<(IFieldSymbol Field, TypeShape Shape)> fields)
        {
            int end = 0, alignment = 1;
            var shapes = new List<FieldShape>(fields.Count);
            foreach (var (field, shape) in fields)
            {
                if (FieldOffsetOf(field) is not int offset || offset < 0)
                    return TypeLayoutResult.Unsupported(
                        $"field '{type.ToDisplayString()}.{FieldName(field)}' of an explicit-layout struct has no [FieldOffset]");
                shapes.Add(new FieldShape(FieldName(field), offset, shape));
                end = Math.Max(end, offset + shape.Size);
                alignment = Math.Max(alignment, Math.Min(shape.Alignment, layout.Pack));
            }
            return Finish(type, layout, shapes, end, alignment);
        }

        static TypeLayoutResult Finish(INamedTypeSymbol type, LayoutInfo layout, List<FieldShape> fields, int end, int alignment)
        {
            // An empty struct still occupies a byte; [StructLayout(Size = n)] only ever enlarges a struct.
            int size = Math.Max(Math.Max(AlignUp(end, alignment), 1), layout.Size);
            return TypeLayoutResult.Supported(new StructShape(CName(type), FullName(type), size, alignment, fields.ToEquatableArray()));
        }

        static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

        /// <summary>Int128, UInt128 and the Vector64/128/256/512 types get 8- or 16-byte alignment from the runtime
        /// itself, not from their fields.</summary>
        static bool IsHardwareAligned(INamedTypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() is "System" && type.Name is "Int128" or "UInt128"
            || type.ContainingNamespace?.ToDisplayString() is "System.Runtime.Intrinsics" or "System.Numerics" && type.Name.StartsWith("Vector", StringComparison.Ordinal);
    }

    /// <summary>A field's name in layouts: an auto-property's backing field (<c>&lt;Name&gt;k__BackingField</c>, whether from
    /// source or metadata) is named for its property.</summary>
    static string FieldName(IFieldSymbol field)
    {
        if (field.AssociatedSymbol is IPropertySymbol property) return property.Name;
        string name = field.Name;
        return name.StartsWith("<", StringComparison.Ordinal) && name.IndexOf(">k__BackingField", StringComparison.Ordinal) is > 1 and var end
            ? name[1..end]
            : name;
    }

    /// <summary>A C identifier for a named type: containing types and type arguments joined by '_'.</summary>
    static string CName(ITypeSymbol type)
    {
        var name = new System.Text.StringBuilder();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
            name.Insert(0, containing.Name + "_");
        name.Append(type.Name);
        if (type is INamedTypeSymbol { TypeArguments: { Length: > 0 } arguments })
            foreach (var argument in arguments)
                name.Append('_').Append(argument.SpecialType != SpecialType.None ? argument.ToDisplayString() : CName(argument).Replace("*", "_ptr"));
        return name.ToString();
    }

    static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    static int? InlineArrayLength(INamedTypeSymbol type) =>
        type.OriginalDefinition.GetAttributes()
            .FirstOrDefault(attribute => attribute.AttributeClass?.ToDisplayString() == InlineArrayAttributeName)
            ?.ConstructorArguments is [{ Value: int length }] ? length : null;

    static LayoutInfo LayoutOf(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (definition.Locations.Any(location => location.IsInSource))
            return SourceLayout(definition);
        return MetadataLayout(definition) ?? new LayoutInfo(Layout.Sequential, DefaultPack, 0);
    }

    /// <summary>C# structs are sequential unless [StructLayout] says otherwise.</summary>
    static LayoutInfo SourceLayout(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StructLayoutAttributeName);
        if (attribute is null) return new LayoutInfo(Layout.Sequential, DefaultPack, 0);
        var kind = attribute.ConstructorArguments is [{ Value: var value }] ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        int pack = 0, size = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Pack" && argument.Value.Value is int p) pack = p;
            if (argument.Key == "Size" && argument.Value.Value is int s) size = s;
        }
        return new LayoutInfo(kind switch
        {
            (int)System.Runtime.InteropServices.LayoutKind.Explicit => Layout.Explicit,
            (int)System.Runtime.InteropServices.LayoutKind.Auto => Layout.Auto,
            _ => Layout.Sequential,
        }, pack is > 0 and < DefaultPack ? pack : DefaultPack, Math.Max(size, 0));
    }

    /// <summary>Layout flags, packing and size from the defining module's metadata (not visible as attributes).</summary>
    static LayoutInfo? MetadataLayout(INamedTypeSymbol type)
    {
        if (type.ContainingModule?.GetMetadata() is not { } module || type.MetadataToken == 0) return null;
        var reader = module.GetMetadataReader();
        var definition = reader.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(MetadataTokens.GetRowNumber(MetadataTokens.EntityHandle(type.MetadataToken))));
        var typeLayout = definition.GetLayout();
        var kind = (definition.Attributes & TypeAttributes.LayoutMask) switch
        {
            TypeAttributes.ExplicitLayout => Layout.Explicit,
            TypeAttributes.SequentialLayout => Layout.Sequential,
            _ => Layout.Auto,
        };
        int pack = typeLayout.PackingSize is > 0 and < DefaultPack ? typeLayout.PackingSize : DefaultPack;
        return new LayoutInfo(kind, pack, typeLayout.Size);
    }

    static int? FieldOffsetOf(IFieldSymbol field)
    {
        var definition = field.OriginalDefinition;
        if (definition.Locations.Any(location => location.IsInSource))
            return definition.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldOffsetAttributeName)
                ?.ConstructorArguments is [{ Value: int offset }] ? offset : null;
        if (definition.ContainingModule?.GetMetadata() is not { } module || definition.MetadataToken == 0) return null;
        var reader = module.GetMetadataReader();
        int metadataOffset = reader.GetFieldDefinition(MetadataTokens.FieldDefinitionHandle(MetadataTokens.GetRowNumber(MetadataTokens.EntityHandle(definition.MetadataToken)))).GetOffset();
        return metadataOffset >= 0 ? metadataOffset : null;
    }
}
