using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Recognises <c>Sharp.Bpf.Kernel</c> symbols by metadata name (never by reference to the loader's types, so the
/// generator works whatever Sharp.Bpf version the user's project compiles against).</summary>
internal static class KernelSymbols
{
    public const string Namespace = "Sharp.Bpf.Kernel";

    /// <summary>The metadata name (<c>HashMap`2</c>) of <paramref name="type"/> when it is declared in Sharp.Bpf.Kernel.</summary>
    public static string? KernelName(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == Namespace ? named.OriginalDefinition.MetadataName : null;

    public static bool Is(ITypeSymbol? type, string metadataName) => KernelName(type) == metadataName;

    /// <summary>The helper id of a method's <c>[BpfHelper(BpfHelperId.X)]</c> attribute, read from metadata.</summary>
    public static int? HelperId(IMethodSymbol method)
    {
        foreach (var attribute in method.OriginalDefinition.GetAttributes())
            if (KernelName(attribute.AttributeClass) == "BpfHelperAttribute" && attribute.ConstructorArguments is [{ Value: int id }])
                return id;
        return null;
    }

    /// <summary>Whether <paramref name="member"/>, or a type containing it, is <c>[ManagedOnly]</c>.</summary>
    public static bool IsManagedOnly(ISymbol member)
    {
        for (ISymbol? symbol = member; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            var definition = symbol.OriginalDefinition;
            if (definition.GetAttributes().Any(a => KernelName(a.AttributeClass) == "ManagedOnlyAttribute")) return true;
            if (definition is IPropertySymbol property && property.GetMethod?.GetAttributes().Any(a => KernelName(a.AttributeClass) == "ManagedOnlyAttribute") == true) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="type"/> derives from <c>MapDeclaration</c>.</summary>
    public static bool IsMap(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            if (KernelName(t) == "MapDeclaration") return true;
        return false;
    }

    /// <summary>The argument bound to parameter <paramref name="ordinal"/> (arguments may come in any order when named).</summary>
    public static IArgumentOperation Argument(IInvocationOperation invocation, int ordinal) =>
        invocation.Arguments.First(argument => argument.Parameter?.Ordinal == ordinal);

    /// <summary>A display name for messages: <c>Type.Member</c>.</summary>
    public static string Display(ISymbol member) =>
        member.ContainingType is { } type ? $"{type.Name}.{member.Name}" : member.Name;
}
