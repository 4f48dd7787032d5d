using Microsoft.CodeAnalysis;
using Sharp.Bpf.Inspect.Assemblies;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary>How the reader finds embedded objects: from the IL of each <c>ObjectBytes</c> getter, whatever the build configuration.</summary>
public sealed class EmbeddedObjectReaderTests
{
    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Reads_the_embedded_bytes_from_debug_and_release_builds_alike(OptimizationLevel optimization)
    {
        var path = EmbeddingAssemblies.Compile("Configured", EmbeddingAssemblies.ObjectClass("Probes", "Counter", EmbeddingAssemblies.CounterObject)
            + "namespace Probes { public static partial class Broken { public static global::System.ReadOnlySpan<byte> ObjectBytes => default; } }", optimization);

        var objects = EmbeddedObjectReader.Read(path);

        Assert.Equal([("Probes.Counter", EmbeddingAssemblies.CounterObject.Length), ("Probes.Broken", 0)], objects.Select(o => (o.TypeName, o.Bytes.Length)));
        Assert.Equal(EmbeddingAssemblies.CounterObject, objects[0].Bytes);
    }

    [Fact]
    public void A_nested_class_is_named_with_its_enclosing_class()
    {
        var path = EmbeddingAssemblies.Compile("Nested", "namespace Probes { public static class Outer { public static partial class Inner { "
            + EmbeddingAssemblies.ObjectProperty(EmbeddingAssemblies.FilterObject) + " } } }");

        var embedded = Assert.Single(EmbeddedObjectReader.Read(path));

        Assert.Equal(("Probes.Outer.Inner", "Inner"), (embedded.TypeName, embedded.ClassName));
        Assert.Equal(EmbeddingAssemblies.FilterObject, embedded.Bytes);
    }

    [Fact]
    public void An_object_small_enough_for_a_short_length_constant_is_read_whole()
    {
        var path = EmbeddingAssemblies.Compile("Tiny", EmbeddingAssemblies.ObjectClass("Probes", "Tiny", [0x7f, (byte)'E', (byte)'L', (byte)'F', 2]));

        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F', 2], Assert.Single(EmbeddedObjectReader.Read(path)).Bytes);
    }
}
