using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Types;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Reads a map declaration — <c>static readonly HashMap&lt;K, V&gt; Name = new(1024);</c> — into a
/// <see cref="MapModel"/>: the Kernel class gives the map type and the roles of its type arguments, the constructor
/// arguments (constants) give max entries, flags and pinning.</summary>
internal static class MapDeclarations
{
    internal const string MapDeclarationName = "Sharp.Bpf.Kernel.MapDeclaration";

    /// <summary>How a Kernel map class maps to a kernel map: its type, and where key and value come from.</summary>
    /// <param name="KeyArgument">Index of the type argument that is the key; -1 for <see cref="FixedKeySize"/>.</param>
    /// <param name="ValueArgument">Index of the type argument that is the value; -1 for <see cref="FixedValueSize"/>.</param>
    /// <param name="ElementArgument">Index of a type argument carried without BTF (a ring buffer's record); -1 for none.</param>
    /// <param name="KeyIsLpmKey">The key is <c>LpmTrieKey&lt;TData&gt;</c> of the first type argument.</param>
    /// <param name="ExtraFlags">Flags the Kernel class always adds.</param>
    sealed record Kind(MapType Type, int KeyArgument, int ValueArgument, uint FixedKeySize, uint FixedValueSize,
        int ElementArgument = -1, bool KeyIsLpmKey = false, uint ExtraFlags = 0);

    /// <summary>Mirrors the constructors of the Kernel map declaration classes (each passes these to
    /// <c>MapDeclaration</c>'s constructor); MapDeclarationsTests checks the table against them.</summary>
    static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["HashMap"] = new(MapType.Hash, 0, 1, 0, 0),
        ["LruHashMap"] = new(MapType.LruHash, 0, 1, 0, 0),
        ["PerCpuHashMap"] = new(MapType.PerCpuHash, 0, 1, 0, 0),
        ["ArrayMap"] = new(MapType.Array, -1, 0, 0, 0),
        ["PerCpuArrayMap"] = new(MapType.PerCpuArray, -1, 0, 0, 0),
        ["LpmTrie"] = new(MapType.LpmTrie, 0, 1, 0, 0, KeyIsLpmKey: true, ExtraFlags: (uint)MapFlags.NoPreallocation),
        ["RingBuffer"] = new(MapType.RingBuffer, -1, -1, 0, 0, ElementArgument: 0),
        ["PerfEventArray"] = new(MapType.PerfEventArray, -1, -1, 4, 4, ElementArgument: 0),
        ["ProgramArray"] = new(MapType.ProgramArray, -1, -1, 4, 4),
        ["QueueMap"] = new(MapType.Queue, -1, 0, 0, 0),
        ["StackMap"] = new(MapType.Stack, -1, 0, 0, 0),
    };

    /// <summary>The Kernel map classes the compiler knows, by name, with the map type and the flags each always creates
    /// its map with (for the tests that hold the table against the classes).</summary>
    internal static IReadOnlyDictionary<string, (MapType Type, uint ExtraFlags)> KnownKinds =>
        Kinds.ToDictionary(pair => pair.Key, pair => (pair.Value.Type, pair.Value.ExtraFlags), StringComparer.Ordinal);

    /// <summary>True when the field's type derives from <c>MapDeclaration</c>.</summary>
    public static bool IsMapField(IFieldSymbol field) => Symbols.DerivesFrom(field.Type as INamedTypeSymbol, MapDeclarationName);

    /// <summary>The map a field declares, or null after adding diagnostics.</summary>
    public static MapModel? Build(IFieldSymbol field, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var declarator = field.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        if (declarator is null) return null;
        var at = SourceSpan.From(declarator.Identifier.GetLocation());
        var type = (INamedTypeSymbol)field.Type;
        if (type.ContainingNamespace?.ToDisplayString() != "Sharp.Bpf.Kernel" || !Kinds.TryGetValue(type.Name, out var kind))
        {
            diagnostics.Add(new(Diagnostics.UnsupportedMapDeclaration.Id, at,
                $"map '{field.Name}': '{type.ToDisplayString()}' is not a map class of Sharp.Bpf.Kernel; declare one of {string.Join(", ", Kinds.Keys)}"));
            return null;
        }
        if (!field.IsStatic || !field.IsReadOnly)
        {
            diagnostics.Add(new(Diagnostics.UnsupportedMapDeclaration.Id, at,
                $"map '{field.Name}' must be 'static readonly': the field names one map for the object's lifetime"));
            return null;
        }
        if (declarator.Initializer?.Value is not { } initializer
            || compilation.GetSemanticModel(declarator.SyntaxTree).GetOperation(initializer, cancellationToken) is not { } operation
            || Unwrap(operation) is not IObjectCreationOperation creation)
        {
            diagnostics.Add(new(Diagnostics.UnsupportedMapDeclaration.Id, at,
                $"map '{field.Name}' must be initialised with 'new(...)' and constant arguments, e.g. 'static readonly {type.Name}<...> {field.Name} = new(1024);'"));
            return null;
        }

        uint maxEntries = 0, flags = kind.ExtraFlags;
        var pinning = MapPinning.None;
        bool constant = true;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter) continue;
            var value = argument.Value.ConstantValue;
            if (!value.HasValue)
            {
                diagnostics.Add(new(Diagnostics.NonConstantMapArgument.Id, SourceSpan.From(argument.Syntax.GetLocation()),
                    $"map '{field.Name}': argument '{parameter.Name}' must be a constant, because the map is created before any code runs; write a literal or a const"));
                constant = false;
                continue;
            }
            switch (parameter.Name)
            {
                case "maxEntries" or "sizeBytes": maxEntries = ToUInt32(value.Value); break;
                case "flags": flags |= ToUInt32(value.Value); break;
                case "pinning": pinning = (MapPinning)ToUInt32(value.Value); break;
            }
        }
        if (!constant) return null;
        if (maxEntries == 0 && kind.Type != MapType.PerfEventArray)
        {
            diagnostics.Add(new(Diagnostics.UnsupportedMapDeclaration.Id, at, $"map '{field.Name}' needs at least one entry"));
            return null;
        }
        if (kind.Type == MapType.RingBuffer && (maxEntries < 4096 || !BitOperations.IsPow2(maxEntries)))
        {
            diagnostics.Add(new(Diagnostics.UnsupportedMapDeclaration.Id, at,
                $"ring buffer '{field.Name}': its size ({maxEntries} bytes) must be a power of two of at least 4096 bytes"));
            return null;
        }

        TypeShape? Layout(int index, string role, bool lpmKey = false)
        {
            if (index < 0) return null;
            ITypeSymbol argument = type.TypeArguments[index];
            if (lpmKey && compilation.GetTypeByMetadataName("Sharp.Bpf.Kernel.LpmTrieKey`1") is { } lpmTrieKey)
                argument = lpmTrieKey.Construct(argument);
            var layout = TypeLayout.Of(argument);
            if (layout.Shape is null)
                diagnostics.Add(new(Diagnostics.TypeWithoutLayout.Id, at, $"map '{field.Name}': the {role} type {layout.WhyNot}"));
            return layout.Shape;
        }
        int before = diagnostics.Count;
        var key = kind.KeyArgument >= 0 ? Layout(kind.KeyArgument, "key", kind.KeyIsLpmKey) : ArrayIndex(kind);
        var mapValue = Layout(kind.ValueArgument, "value");
        var element = Layout(kind.ElementArgument, "record");
        if (diagnostics.Count != before) return null;
        return new MapModel(field.Name, type.Name, kind.Type, key, mapValue, key is null ? kind.FixedKeySize : 0,
            mapValue is null ? kind.FixedValueSize : 0, element, maxEntries, flags, pinning, at);
    }

    /// <summary>Array maps are indexed by a 4-byte unsigned integer, as clang programs declare with <c>__type(key, __u32)</c>.</summary>
    static TypeShape? ArrayIndex(Kind kind) => kind.Type is MapType.Array or MapType.PerCpuArray ? new IntegerShape("uint", 4, false) : null;

    static IOperation Unwrap(IOperation operation) => operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

    static uint ToUInt32(object? value) => value is null ? 0 : unchecked((uint)System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}
