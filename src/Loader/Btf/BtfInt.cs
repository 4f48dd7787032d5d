namespace Sharp.Bpf.Btf;

/// <summary>An integer type (<c>BTF_KIND_INT</c>).</summary>
/// <param name="Name">The C name, e.g. <c>unsigned int</c>.</param>
/// <param name="Size">Storage size in bytes.</param>
/// <param name="Encoding">Signedness, char or bool.</param>
/// <param name="BitOffset">Offset of the value's bits inside the storage; 0 for every type clang emits.</param>
/// <param name="BitCount">Number of value bits.</param>
public sealed record BtfInt(string Name, uint Size, BtfIntEncoding Encoding, byte BitOffset, byte BitCount) : BtfType(Name)
{
    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Int;
}
