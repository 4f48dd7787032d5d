using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>What an <c>lddw</c> or <c>call</c> refers to by name, turned into an <see cref="Sharp.Bpf.Elf.InstructionReference"/>
/// once instruction indexes are final.</summary>
internal enum ReferenceKind { None, Map, Global, Subprogram, SubprogramAddress }

/// <summary>An instruction before branch resolution: a jump names its target block instead of an offset.</summary>
/// <param name="Instruction">The instruction (a jump's offset is filled in later).</param>
/// <param name="Line">The IR line index it came from (-1: none).</param>
/// <param name="TargetBlock">For jumps: the block jumped to; otherwise -1.</param>
internal readonly record struct MachineInstruction(Instruction Instruction, int Line, int TargetBlock = -1)
{
    public ReferenceKind Reference { get; init; }
    public string? ReferenceName { get; init; }
    public uint ReferenceOffset { get; init; }
}
