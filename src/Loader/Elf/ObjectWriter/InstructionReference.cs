namespace Sharp.Bpf.Elf;

/// <summary>An instruction of a function that refers to something by name, which the object writer turns into a relocation.</summary>
/// <param name="InstructionIndex">Index of the instruction in <see cref="FunctionDefinition.Instructions"/> (not a slot offset).</param>
public abstract record InstructionReference(int InstructionIndex)
{
    /// <summary>The name of what is referred to: a map, a global variable or a subprogram.</summary>
    public abstract string TargetName { get; }
}
