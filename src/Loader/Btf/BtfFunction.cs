namespace Sharp.Bpf.Btf;

/// <summary>A function (<c>BTF_KIND_FUNC</c>): its name, linkage (encoded in <c>vlen</c>) and prototype.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="ProtoTypeId">The <see cref="BtfFunctionProto"/> giving its signature.</param>
/// <param name="Linkage">Static, global or extern.</param>
public sealed record BtfFunction(string Name, uint ProtoTypeId, BtfFunctionLinkage Linkage) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Function;
}
