namespace Sharp.Bpf.Btf;

/// <summary>A typedef (<c>BTF_KIND_TYPEDEF</c>).</summary>
/// <param name="Name">The typedef's name.</param>
/// <param name="TypeId">The aliased type.</param>
public sealed record BtfTypedef(string Name, uint TypeId) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Typedef;
}
