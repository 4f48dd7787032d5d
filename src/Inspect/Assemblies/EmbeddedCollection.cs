using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Inspect.Assemblies;

/// <summary>An embedded object and what reading it gave: its programs and maps, or why it could not be read.</summary>
/// <param name="Object">The embedded object.</param>
/// <param name="Spec">The parsed object, or null when <paramref name="Error"/> says why not.</param>
/// <param name="Error">Why the object cannot be used (empty, malformed), or null.</param>
internal sealed record EmbeddedCollection(EmbeddedObject Object, CollectionSpec? Spec, string? Error)
{
    /// <summary>Parses each of <paramref name="objects"/>; one that fails keeps its reason and does not stop the others.</summary>
    public static IReadOnlyList<EmbeddedCollection> ReadAll(IEnumerable<EmbeddedObject> objects) => objects.Select(Read).ToList();

    static EmbeddedCollection Read(EmbeddedObject embedded)
    {
        if (embedded.Bytes.Length == 0)
            return new(embedded, null, "embeds no object: the compiler reported errors for this class (ObjectBytes is empty)");
        try
        {
            return new(embedded, CollectionSpec.Read(embedded.Bytes), null);
        }
        catch (Exception e) when (e is BpfElfException or Btf.BtfFormatException)
        {
            return new(embedded, null, e.Message);
        }
    }
}
