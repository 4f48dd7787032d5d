namespace Sharp.Bpf.Btf;

/// <summary>A <c>btf_type_tag("name")</c> attribute on a type (<c>BTF_KIND_TYPE_TAG</c>).</summary>
/// <param name="Name">The tag's text.</param>
/// <param name="TypeId">The tagged type.</param>
/// <param name="IsAttribute">The kind_flag (Linux 6.14): the text is a C attribute, <c>__attribute__((text))</c>, not a tag.</param>
public sealed record BtfTypeTag(string Name, uint TypeId, bool IsAttribute = false) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.TypeTag;
}
