using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Elf;

/// <summary>A program's instructions with its subprograms appended, and what refers into them.</summary>
/// <param name="Instructions">The program's own instructions, then each subprogram it reaches, calls patched.</param>
/// <param name="MapReferences">The <c>lddw</c>s of maps and global data.</param>
/// <param name="FunctionInfos">func_info of the program and of each appended subprogram, offsets in slots of the linked program.</param>
/// <param name="LineInfos">line_info likewise.</param>
internal sealed record LinkedProgram(
    IReadOnlyList<Instruction> Instructions,
    IReadOnlyList<MapReference> MapReferences,
    IReadOnlyList<ProgramFunctionInfo> FunctionInfos,
    IReadOnlyList<ProgramLineInfo> LineInfos);
