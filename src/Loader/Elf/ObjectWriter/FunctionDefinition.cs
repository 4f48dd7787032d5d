using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>One function of an object: a program's entry point or a subprogram. Its BTF <c>FUNC</c> type is made by the writer
/// from <paramref name="Name"/> and <paramref name="PrototypeTypeId"/>; its func_info record points at its first instruction.</summary>
/// <param name="Name">The function's name: a C identifier, unique among the object's functions, maps and globals.</param>
/// <param name="Instructions">The instructions. Branches are relative and stay inside the function; <c>lddw</c>s of maps and globals
/// and calls of subprograms are listed in <see cref="References"/>, whose instructions the writer completes.</param>
/// <param name="PrototypeTypeId">The <see cref="BtfFunctionProto"/> giving the signature, added with <see cref="BpfObjectBuilder.AddType"/>.</param>
public sealed record FunctionDefinition(string Name, IReadOnlyList<Instruction> Instructions, uint PrototypeTypeId)
{
    /// <summary>The instructions, in order.</summary>
    public IReadOnlyList<Instruction> Instructions { get; init => field = ValueList<Instruction>.From(value); } = ValueList<Instruction>.From(Instructions);

    /// <summary>The instructions that refer to maps, globals and subprograms by name.</summary>
    public IReadOnlyList<InstructionReference> References { get; init => field = ValueList<InstructionReference>.From(value); } = ValueList<InstructionReference>.Empty;

    /// <summary>The source lines of instructions. Either empty, or the first instruction has one: the kernel wants a line at the
    /// start of every function once a program has any.</summary>
    public IReadOnlyList<SourceLine> Lines { get; init => field = ValueList<SourceLine>.From(value); } = ValueList<SourceLine>.Empty;
}
