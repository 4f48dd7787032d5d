namespace Sharp.Bpf.Btf;

/// <summary>The <c>volatile</c> qualifier (<c>BTF_KIND_VOLATILE</c>).</summary>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
/// <param name="TypeId">The qualified type.</param>
public sealed record BtfVolatile(uint TypeId, string Name = "") : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Volatile;
}
