namespace Sharp.Bpf.Btf;

/// <summary>A <c>.BTF.ext</c> CO-RE relocation record (<c>struct bpf_core_relo</c>).</summary>
/// <param name="InstructionOffset">Byte offset of the instruction to patch in its ELF section.</param>
/// <param name="TypeId">The local root type the access starts from.</param>
/// <param name="AccessString">The access path, e.g. <c>0:1:2</c> (member and array indices).</param>
/// <param name="Kind">What to compute. Kinds newer than this library are kept as their number.</param>
public sealed record BtfCoreRelocation(uint InstructionOffset, uint TypeId, string AccessString, BtfCoreRelocationKind Kind);
