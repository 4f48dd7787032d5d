namespace Sharp.Bpf.Btf;

/// <summary>A struct or union: a size and members at bit offsets.
/// Encoded with <c>kind_flag</c> set (bitfield sizes packed into member offsets) when any member is a bitfield.</summary>
/// <param name="Name">The tag name; empty for an anonymous struct or union.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Members">The members in declaration order.</param>
public abstract record BtfComposite(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfType(Name)
{
    /// <summary>The members in declaration order.</summary>
    public IReadOnlyList<BtfMember> Members { get; init => field = ValueList<BtfMember>.From(value); } = ValueList<BtfMember>.From(Members);

    /// <summary>True when a member is a bitfield, which is when the encoding sets <c>kind_flag</c>.</summary>
    public bool HasBitfields => Members.Any(member => member.BitfieldSize != 0);
}
