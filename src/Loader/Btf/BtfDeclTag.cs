namespace Sharp.Bpf.Btf;

/// <summary>A <c>btf_decl_tag("name")</c> attribute (<c>BTF_KIND_DECL_TAG</c>) on a declaration, or on one of its members or parameters.</summary>
/// <param name="Name">The tag's text.</param>
/// <param name="TypeId">The tagged struct, union, variable, typedef or function.</param>
/// <param name="ComponentIndex">-1 for the declaration itself, otherwise the index of the tagged member or parameter.</param>
public sealed record BtfDeclTag(string Name, uint TypeId, int ComponentIndex) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.DeclTag;
}
