namespace Sharp.Bpf.Btf;

/// <summary>A member of a struct or union.</summary>
/// <param name="Name">The member's name; empty for an anonymous struct or union member.</param>
/// <param name="TypeId">The member's type.</param>
/// <param name="BitOffset">Offset from the start of the struct, in bits.</param>
/// <param name="BitfieldSize">Width of a bitfield in bits, or 0 when the member is not a bitfield.</param>
public sealed record BtfMember(string Name, uint TypeId, uint BitOffset, byte BitfieldSize = 0);
