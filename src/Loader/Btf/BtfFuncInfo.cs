namespace Sharp.Bpf.Btf;

/// <summary>A <c>.BTF.ext</c> func_info record: the function that starts at an instruction.</summary>
/// <param name="InstructionOffset">Byte offset of the function's first instruction in its ELF section.</param>
/// <param name="TypeId">The <see cref="BtfFunction"/> describing it.</param>
public sealed record BtfFuncInfo(uint InstructionOffset, uint TypeId);
