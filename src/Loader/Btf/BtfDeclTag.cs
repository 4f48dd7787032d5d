namespace Sharp.Bpf.Btf;

/// <summary>A <c>btf_decl_tag("name")</c> attribute (<c>BTF_KIND_DECL_TAG</c>) on a declaration, or on one of its members or parameters.</summary>
/// <param name="Name">The tag's text.</param>
/// <param name="TypeId">The tagged struct, union, variable, typedef or function.</param>
/// <param name="ComponentIndex">-1 for the declaration itself, otherwise the index of the tagged member or parameter.</param>
/// <param name="IsAttribute">The kind_flag (Linux 6.14): the text is a C attribute, <c>__attribute__((text))</c>, not a tag.</param>
public sealed record BtfDeclTag(string Name, uint TypeId, int ComponentIndex, bool IsAttribute = false) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.DeclTag;
}
