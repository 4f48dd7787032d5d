namespace Sharp.Bpf.Btf;

/// <summary>One BTF type. Types refer to each other by id: id 0 is <c>void</c>, the first encoded type is id 1.
/// Records compare by value, so two models of the same BTF are equal.</summary>
/// <param name="Name">The type's name; empty for anonymous types.</param>
public abstract record BtfType(string Name)
{
    /// <summary>Which <c>BTF_KIND_*</c> this type is encoded as.</summary>
    public abstract BtfKind Kind { get; }
}
