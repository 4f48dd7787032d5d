namespace Sharp.Bpf.Btf;

/// <summary>A <c>.BTF.ext</c> line_info record: the source line an instruction came from.</summary>
/// <param name="InstructionOffset">Byte offset of the instruction in its ELF section.</param>
/// <param name="FileNameOffset">Offset of <paramref name="FileName"/> in the BTF string section, as the kernel is given it.</param>
/// <param name="FileName">The source file.</param>
/// <param name="LineTextOffset">Offset of <paramref name="LineText"/> in the BTF string section, as the kernel is given it.</param>
/// <param name="LineText">The text of the source line.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record BtfLineInfo(uint InstructionOffset, uint FileNameOffset, string FileName, uint LineTextOffset, string LineText, uint Line, uint Column);
