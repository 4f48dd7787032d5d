namespace Sharp.Bpf.Btf;

/// <summary>One enumerator.</summary>
/// <param name="Name">The enumerator's name.</param>
/// <param name="Value">The value. Unsigned 32-bit values are zero-extended; an unsigned 64-bit value above
/// <see cref="long.MaxValue"/> is stored as its two's-complement bits (read it with <see cref="UnsignedValue"/>).</param>
public sealed record BtfEnumValue(string Name, long Value)
{
    /// <summary>The value's 64 bits read as unsigned.</summary>
    public ulong UnsignedValue => unchecked((ulong)Value);
}
