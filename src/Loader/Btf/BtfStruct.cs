namespace Sharp.Bpf.Btf;

/// <summary>A struct (<c>BTF_KIND_STRUCT</c>).</summary>
/// <param name="Name">The tag name; empty for an anonymous struct.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Members">The members in declaration order.</param>
public sealed record BtfStruct(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfComposite(Name, Size, Members)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Struct;
}
