using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Elf;

/// <summary>Everything needed to load one program: its type and attach point (from the section name), its linked
/// instructions (BPF-to-BPF callees appended), the map references to patch with fds, and its BTF line and function
/// info. Pure data: loading is <c>Sharp.Bpf</c>'s job.</summary>
public sealed record ProgramSpec
{
    /// <summary>The program's function name.</summary>
    public required string Name { get; init; }
    /// <summary>The ELF section it came from (<c>xdp</c>, <c>tracepoint/sched/sched_switch</c>, ...).</summary>
    public required string SectionName { get; init; }
    /// <summary>The program type the section name implies.</summary>
    public required ProgramType Type { get; init; }
    /// <summary>The expected attach type the section name implies (0 when the type has none).</summary>
    public AttachType AttachType { get; init; }
    /// <summary>What the section name says to attach to (<c>sched/sched_switch</c>, a function or symbol name), or null.</summary>
    public string? AttachTo { get; init; }
    /// <summary><c>BPF_PROG_LOAD</c> flags (<c>BPF_F_SLEEPABLE</c> for <c>.s</c> sections, ...).</summary>
    public uint Flags { get; init; }
    /// <summary>The instructions: the program's own, then every subprogram it calls, call offsets patched.</summary>
    public required IReadOnlyList<Instruction> Instructions { get; init; }
    /// <summary>The <c>lddw</c> instructions that refer to maps, to be patched with map fds at load.</summary>
    public IReadOnlyList<MapReference> MapReferences { get; init; } = [];
    /// <summary>The licence from the object's <c>license</c> section (the kernel gates GPL-only helpers on it).</summary>
    public string License { get; init; } = "";
    /// <summary>The kernel version from the <c>version</c> section (old kprobe programs needed it), or 0.</summary>
    public uint KernelVersion { get; init; }
    /// <summary>BTF func_info: one record per function, instruction offsets counted in instructions from the program start.</summary>
    public IReadOnlyList<ProgramFunctionInfo> FunctionInfos { get; init; } = [];
    /// <summary>BTF line_info: source lines, instruction offsets counted in instructions from the program start.</summary>
    public IReadOnlyList<ProgramLineInfo> LineInfos { get; init; } = [];
}

/// <summary>An <c>lddw</c> that loads a map (src_reg 1) or the address of a map value plus <paramref name="ValueOffset"/> (src_reg 2).</summary>
/// <param name="InstructionIndex">Index in <see cref="ProgramSpec.Instructions"/> of the <c>lddw</c>.</param>
/// <param name="MapName">The name of the map in the collection.</param>
/// <param name="ValueOffset">For a map-value reference (globals), the byte offset into the value; null for a map reference.</param>
public sealed record MapReference(int InstructionIndex, string MapName, uint? ValueOffset = null);

/// <summary>A BTF func_info record of a loaded program.</summary>
/// <param name="InstructionOffset">Offset of the function's first instruction, in 8-byte slots from the program start.</param>
/// <param name="TypeId">The BTF id of the FUNC type.</param>
public sealed record ProgramFunctionInfo(uint InstructionOffset, uint TypeId);

/// <summary>A BTF line_info record of a loaded program.</summary>
/// <param name="InstructionOffset">Offset of the instruction, in 8-byte slots from the program start.</param>
/// <param name="FileNameOffset">Offset of the file name in the BTF string section.</param>
/// <param name="LineOffset">Offset of the source line text in the BTF string section.</param>
/// <param name="FileName">The source file name.</param>
/// <param name="Line">The source line text.</param>
/// <param name="LineNumber">1-based line number.</param>
/// <param name="Column">1-based column, or 0.</param>
public sealed record ProgramLineInfo(uint InstructionOffset, uint FileNameOffset, uint LineOffset, string FileName, string Line, uint LineNumber, uint Column);
