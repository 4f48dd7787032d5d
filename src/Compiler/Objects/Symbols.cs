using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Questions about symbols the object model asks.</summary>
internal static class Symbols
{
    /// <summary>True when <paramref name="type"/> or a base class is the type with full name <paramref name="fullName"/>
    /// (without type arguments).</summary>
    public static bool DerivesFrom(INamedTypeSymbol? type, string fullName)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.OriginalDefinition.ToDisplayString(FullNameFormat) == fullName) return true;
        return false;
    }

    /// <summary>True when <paramref name="symbol"/> carries the attribute with full name <paramref name="fullName"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, string fullName) =>
        symbol.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString(FullNameFormat) == fullName);

    static readonly SymbolDisplayFormat FullNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);
}
