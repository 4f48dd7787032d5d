namespace Sharp.Bpf.Compiler.Ir;

/// <summary>A basic block: straight-line instructions, then a terminator. <see cref="Id"/> is its index in the function.</summary>
internal sealed record Block(int Id, EquatableArray<IrInstruction> Instructions, Terminator Terminator);

/// <summary>A stack object: a struct local, a buffer passed to a helper, a map key built in place.</summary>
/// <param name="Id">Its index in <see cref="IrFunction.StackSlots"/>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Alignment">1, 2, 4 or 8.</param>
/// <param name="Name">The C# local it holds, or a description (for messages and the stack-size diagnostic).</param>
internal sealed record StackSlot(int Id, int Size, int Alignment, string Name);

/// <summary>A source position of the C# code; instructions refer to it by index.</summary>
/// <param name="FilePath">The C# file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Text">The line's text, trimmed (the kernel prints it in verifier logs).</param>
internal sealed record IrSourceLine(string FilePath, int Line, int Column, string Text);

/// <summary>One function in IR: a program's entry point (block 0) or a subprogram.</summary>
/// <param name="Name">The function's name in the object (the C# method name for programs).</param>
/// <param name="ParameterCount">How many parameters arrive in r1..r5; they are virtual registers 0..ParameterCount-1.</param>
/// <param name="RegisterCount">Virtual registers used: ids are 0..RegisterCount-1.</param>
/// <param name="Blocks">Blocks; block 0 is the entry. Every block is reachable and every path ends in a <see cref="Return"/>.</param>
/// <param name="StackSlots">Stack objects; the backend lays them out below r10 and adds its spill slots.</param>
/// <param name="Lines">Source positions that instructions and terminators index.</param>
internal sealed record IrFunction(
    string Name,
    int ParameterCount,
    int RegisterCount,
    EquatableArray<Block> Blocks,
    EquatableArray<StackSlot> StackSlots,
    EquatableArray<IrSourceLine> Lines);
