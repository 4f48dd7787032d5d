using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>A function's instructions, ready for <c>new FunctionDefinition(Name, Instructions, prototype) { References, Lines }</c>.</summary>
/// <param name="Name">The function's name in the object.</param>
/// <param name="Instructions">The instructions; branches are resolved, map/global loads and subprogram calls are completed by the
/// object writer from <paramref name="References"/>.</param>
/// <param name="References">Map loads, global loads and subprogram calls, by instruction index.</param>
/// <param name="Lines">Source lines by instruction index; when any exists, instruction 0 has one.</param>
/// <param name="StackBytes">The frame size below r10 (at most 512).</param>
internal sealed record CompiledFunction(string Name, EquatableArray<Instruction> Instructions, EquatableArray<InstructionReference> References,
    EquatableArray<SourceLine> Lines, int StackBytes);
