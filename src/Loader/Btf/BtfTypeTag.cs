namespace Sharp.Bpf.Btf;

/// <summary>A <c>btf_type_tag("name")</c> attribute on a type (<c>BTF_KIND_TYPE_TAG</c>).</summary>
/// <param name="Name">The tag's text.</param>
/// <param name="TypeId">The tagged type.</param>
public sealed record BtfTypeTag(string Name, uint TypeId) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.TypeTag;
}
