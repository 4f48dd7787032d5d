namespace Sharp.Bpf.Btf;

/// <summary>A global variable (<c>BTF_KIND_VAR</c>), placed by a <see cref="BtfDataSection"/>.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="TypeId">The variable's type.</param>
/// <param name="Linkage">Static, global or extern.</param>
public sealed record BtfVariable(string Name, uint TypeId, BtfVariableLinkage Linkage) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Variable;
}
