namespace Sharp.Bpf.Btf;

/// <summary>A pointer (<c>BTF_KIND_PTR</c>).</summary>
/// <param name="TypeId">The pointed-to type.</param>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
public sealed record BtfPointer(uint TypeId, string Name = "") : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Pointer;
}
