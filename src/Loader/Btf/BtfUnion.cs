namespace Sharp.Bpf.Btf;

/// <summary>A union (<c>BTF_KIND_UNION</c>).</summary>
/// <param name="Name">The tag name; empty for an anonymous union.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Members">The members, all at bit offset 0 in C-produced BTF.</param>
public sealed record BtfUnion(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfComposite(Name, Size, Members)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Union;
}
