namespace Sharp.Bpf.Btf;

/// <summary>The <c>restrict</c> qualifier (<c>BTF_KIND_RESTRICT</c>).</summary>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
/// <param name="TypeId">The qualified pointer type.</param>
public sealed record BtfRestrict(uint TypeId, string Name = "") : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Restrict;
}
