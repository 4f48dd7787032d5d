namespace Sharp.Bpf.Elf;

/// <summary>The source line an instruction came from. It becomes a BTF line_info record (what the kernel and
/// <c>bpftool prog dump xlated linum</c> show) and a row of the DWARF line table (what <c>llvm-objdump -l</c> shows).</summary>
/// <param name="InstructionIndex">Index of the instruction in its function; the lines apply until the next annotated instruction.</param>
/// <param name="FilePath">The source file, ideally absolute (<c>/src/Probes/XdpCounter.cs</c>).</param>
/// <param name="Line">The 1-based line number (BTF holds up to 2^22 − 1).</param>
/// <param name="Column">The 1-based column, or 0 when unknown (BTF holds up to 1023).</param>
/// <param name="Text">The text of the line, which the kernel prints in verifier logs.</param>
public sealed record SourceLine(int InstructionIndex, string FilePath, int Line, int Column, string Text);
