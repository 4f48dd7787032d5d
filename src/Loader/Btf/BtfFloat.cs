namespace Sharp.Bpf.Btf;

/// <summary>A floating-point type (<c>BTF_KIND_FLOAT</c>).</summary>
/// <param name="Name">The C name, e.g. <c>double</c>.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record BtfFloat(string Name, uint Size) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Float;
}
