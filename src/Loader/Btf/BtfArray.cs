namespace Sharp.Bpf.Btf;

/// <summary>A fixed-length array (<c>BTF_KIND_ARRAY</c>).</summary>
/// <param name="ElementTypeId">The element type.</param>
/// <param name="IndexTypeId">The index type (clang uses an int named <c>__ARRAY_SIZE_TYPE__</c>).</param>
/// <param name="Length">Number of elements.</param>
/// <param name="Name">Empty in valid BTF; kept so that any parsed blob rebuilds unchanged.</param>
public sealed record BtfArray(uint ElementTypeId, uint IndexTypeId, uint Length, string Name = "") : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Array;
}
