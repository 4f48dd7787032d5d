using Sharp.Bpf.Compiler.Objects;
using Sharp.Bpf.Kernel;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>The compiler's table of Kernel map classes agrees with the classes: each, constructed in managed code, creates
/// the map type and flags the table says, and every map class the Kernel defines is in the table.</summary>
public class MapDeclarationsTests
{
    public static TheoryData<string> Kinds => [.. MapDeclarations.KnownKinds.Keys.Order(StringComparer.Ordinal)];

    static string NameWithoutArity(Type type) => type.Name.IndexOf('`') is >= 0 and var tick ? type.Name[..tick] : type.Name;

    static Type KernelClass(string kind) => typeof(MapDeclaration).Assembly.GetTypes()
        .Single(type => type.IsSubclassOf(typeof(MapDeclaration)) && !type.IsAbstract && NameWithoutArity(type) == kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Table_agrees_with_the_Kernel_map_class(string kind)
    {
        var type = KernelClass(kind);
        if (type.IsGenericTypeDefinition)
            type = type.MakeGenericType([.. type.GetGenericArguments().Select(_ => typeof(byte))]);
        // The size (entries, or a ring buffer's bytes) first, every other parameter at its default.
        var constructor = type.GetConstructors().Single();
        var declaration = (MapDeclaration)constructor.Invoke([.. constructor.GetParameters().Select((p, i) => i == 0 ? 4096u : p.DefaultValue)]);
        var (mapType, extraFlags) = MapDeclarations.KnownKinds[kind];
        Assert.Equal(declaration.Type, mapType);
        Assert.Equal((uint)declaration.Flags, extraFlags);
    }

    [Fact]
    public void Every_Kernel_map_class_is_in_the_table()
    {
        var classes = typeof(MapDeclaration).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(MapDeclaration)) && !type.IsAbstract)
            .Select(NameWithoutArity);
        Assert.Empty(classes.Except(MapDeclarations.KnownKinds.Keys));
    }
}
