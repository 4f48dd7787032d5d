namespace Sharp.Bpf.Btf;

/// <summary>The <c>const</c> qualifier (<c>BTF_KIND_CONST</c>).</summary>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
/// <param name="TypeId">The qualified type.</param>
public sealed record BtfConst(uint TypeId, string Name = "") : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Const;
}
