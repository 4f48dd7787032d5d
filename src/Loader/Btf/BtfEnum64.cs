namespace Sharp.Bpf.Btf;

/// <summary>An enum with 64-bit values (<c>BTF_KIND_ENUM64</c>); <c>kind_flag</c> encodes <see cref="IsSigned"/>.</summary>
/// <param name="Name">The tag name; empty for an anonymous enum.</param>
/// <param name="Size">Size in bytes (1, 2, 4 or 8).</param>
/// <param name="IsSigned">Whether the values are signed.</param>
/// <param name="Values">The enumerators in declaration order.</param>
public sealed record BtfEnum64(string Name, uint Size, bool IsSigned, IReadOnlyList<BtfEnumValue> Values) : BtfType(Name)
{
    /// <summary>The enumerators in declaration order.</summary>
    public IReadOnlyList<BtfEnumValue> Values { get; init => field = ValueList<BtfEnumValue>.From(value); } = ValueList<BtfEnumValue>.From(Values);

    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.Enum64;
}
