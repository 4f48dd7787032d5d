using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Reads a static non-map field into a <see cref="GlobalModel"/>. Sections follow clang's: <c>[Configuration]</c>
/// and <c>static readonly</c> fields are <c>.rodata</c> (read-only to the program; user space may set configuration
/// before load), other fields with a non-zero constant initialiser are <c>.data</c>, the rest <c>.bss</c> (zero).</summary>
internal static class GlobalDeclarations
{
    internal const string ConfigurationAttributeName = "Sharp.Bpf.Kernel.ConfigurationAttribute";

    public static GlobalModel? Build(IFieldSymbol field, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var declarator = field.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        var location = declarator?.Identifier.GetLocation() ?? field.Locations.FirstOrDefault();
        if (location is null) return null;
        var at = SourceSpan.From(location);
        bool configuration = Symbols.HasAttribute(field, ConfigurationAttributeName);
        if (field.IsImplicitlyDeclared || declarator is null)
        {
            diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, at,
                $"'{field.AssociatedSymbol?.Name ?? field.Name}' is a static property: declare kernel globals as static fields"));
            return null;
        }
        if (!field.IsStatic)
        {
            diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, at,
                $"field '{field.Name}' is an instance field: kernel globals and maps are static fields"));
            return null;
        }
        var layout = TypeLayout.OfField(field);
        if (layout.Shape is not { } shape)
        {
            diagnostics.Add(new(Diagnostics.TypeWithoutLayout.Id, at, $"global '{field.Name}': {layout.WhyNot}"));
            return null;
        }

        byte[] initial = new byte[shape.Size];
        if (declarator.Initializer?.Value is { } initializer)
        {
            var constant = compilation.GetSemanticModel(declarator.SyntaxTree).GetConstantValue(initializer, cancellationToken);
            bool encoded = constant.HasValue && Encode(constant.Value, shape, initial);
            if (!encoded && !IsDefault(initializer))
            {
                diagnostics.Add(new(Diagnostics.NonConstantGlobalInitializer.Id, SourceSpan.From(initializer.GetLocation()),
                    $"global '{field.Name}': the initialiser '{initializer}' is not a constant; the object stores initial values, so write a literal or a const (or 'default')"));
                return null;
            }
        }

        bool zero = initial.All(b => b == 0);
        string section = configuration || field.IsReadOnly ? ".rodata" : zero ? ".bss" : ".data";
        var value = section == ".bss" ? EquatableArray<byte>.Empty : initial.ToEquatableArray();
        return new GlobalModel(field.Name, section, shape, value, configuration, at);
    }

    static bool IsDefault(ExpressionSyntax initializer) =>
        initializer is LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression }
            or DefaultExpressionSyntax
            or ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null }
            or ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null } or ObjectCreationExpressionSyntax { ArgumentList: null, Initializer: null };

    /// <summary>Writes a constant of a scalar shape little-endian into <paramref name="bytes"/>.</summary>
    static bool Encode(object? value, TypeShape shape, byte[] bytes)
    {
        long bits;
        switch (shape, value)
        {
            case (FloatShape { Size: 4 }, float single): bits = BitConverter.SingleToInt32Bits(single); break;
            case (FloatShape { Size: 8 }, double @double): bits = BitConverter.DoubleToInt64Bits(@double); break;
            case (FloatShape, _): return false;
            case (BoolShape, bool flag): bits = flag ? 1 : 0; break;
            case (IntegerShape or EnumShape, ulong unsigned): bits = unchecked((long)unsigned); break;
            case (IntegerShape or EnumShape, char character): bits = character; break;
            case (IntegerShape or EnumShape, sbyte or byte or short or ushort or int or uint or long): bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case (PointerShape, null): bits = 0; break;
            default: return false;
        }
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(bits >> (8 * i));
        return true;
    }
}
