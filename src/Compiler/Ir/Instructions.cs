namespace Sharp.Bpf.Compiler.Ir;

/// <summary>A non-terminating IR instruction. <see cref="Line"/> indexes the function's <see cref="IrFunction.Lines"/>
/// (-1: none; the backend keeps the previous line). Records compare by value, so functions are equatable pipeline values.</summary>
internal abstract record IrInstruction
{
    public int Line { get; init; } = -1;
}

/// <summary><c>Dst = Src</c> (all 64 bits).</summary>
internal sealed record Move(VReg Dst, Operand Src) : IrInstruction;

/// <summary><c>Dst = Left Op Right</c> at <see cref="Width"/>; a 32-bit result is zero-extended.</summary>
internal sealed record Binary(BinaryOp Op, Width Width, VReg Dst, Operand Left, Operand Right) : IrInstruction;

/// <summary><c>Dst = Op Src</c> at <see cref="Width"/>; a 32-bit result is zero-extended.</summary>
internal sealed record Unary(UnaryOp Op, Width Width, VReg Dst, Operand Src) : IrInstruction;

/// <summary><c>Dst</c> = the low <see cref="FromBits"/> (8, 16 or 32) of <c>Src</c>, sign- or zero-extended to 64 bits.</summary>
internal sealed record Extend(VReg Dst, Operand Src, int FromBits, bool Signed) : IrInstruction;

/// <summary><c>Dst</c> = the low <see cref="Bits"/> (16, 32 or 64) of <c>Src</c> with their bytes reversed, zero-extended
/// (<c>BinaryPrimitives.ReverseEndianness</c>; BPF <c>be16/32/64</c> on little-endian).</summary>
internal sealed record ByteSwap(VReg Dst, VReg Src, int Bits) : IrInstruction;

/// <summary><c>Dst = *(size*)(Base + Offset)</c>, zero-extended, or sign-extended when <see cref="SignExtend"/> (ISA v4
/// <c>ldsx</c>; the backend may expand). <see cref="Base"/> is a pointer register used unmodified, so context loads keep the
/// constant-offset form the verifier demands.</summary>
internal sealed record Load(VReg Dst, VReg Base, short Offset, int Size, bool SignExtend = false) : IrInstruction
{
    /// <summary>The loaded value is a pointer the kernel never makes null (a packet's <c>data</c>), so the optimiser may
    /// decide null checks of it and of pointers derived from it (<see cref="Optimization.NonNullFacts"/>).</summary>
    public bool NonNull { get; init; }
}

/// <summary><c>*(size*)(Base + Offset) = Value</c>; <see cref="Size"/> is 1, 2, 4 or 8.</summary>
internal sealed record Store(VReg Base, short Offset, Operand Value, int Size) : IrInstruction;

/// <summary><c>Dst</c> = bytes at <see cref="Offset"/> in stack slot <see cref="Slot"/> (frame-pointer relative, no pointer register).</summary>
internal sealed record LoadStack(VReg Dst, int Slot, int Offset, int Size, bool SignExtend = false) : IrInstruction;

/// <summary>Writes <see cref="Value"/> at <see cref="Offset"/> in stack slot <see cref="Slot"/>.</summary>
internal sealed record StoreStack(int Slot, int Offset, Operand Value, int Size) : IrInstruction;

/// <summary><c>Dst</c> = the address of byte <see cref="Offset"/> of stack slot <see cref="Slot"/> (to pass to a helper or
/// to point into a struct on the stack).</summary>
internal sealed record StackAddress(VReg Dst, int Slot, int Offset = 0) : IrInstruction;

/// <summary><c>Dst</c> = the map named <see cref="MapName"/> (an <c>lddw</c> with a map relocation). The name is the C#
/// field's name, which is also the map's name in the object.</summary>
internal sealed record LoadMap(VReg Dst, string MapName) : IrInstruction;

/// <summary><c>Dst</c> = the address of global <see cref="GlobalName"/> plus <see cref="Offset"/> (an <c>lddw</c> with a
/// relocation against its data section). The name is the C# field's name.</summary>
internal sealed record LoadGlobalAddress(VReg Dst, string GlobalName, uint Offset = 0) : IrInstruction;

/// <summary><c>Dst</c> = the address of the function named <see cref="Function"/> in the same object (an <c>lddw</c> with
/// <c>src_reg</c> <c>BPF_PSEUDO_FUNC</c>): a callback for <c>bpf_loop</c>.</summary>
internal sealed record LoadFunctionAddress(VReg Dst, string Function) : IrInstruction;

/// <summary>Calls kernel helper <see cref="HelperId"/> with up to five arguments (r1..r5); <see cref="Dst"/> receives r0.
/// Calls clobber r0..r5.</summary>
internal sealed record CallHelper(VReg? Dst, int HelperId, EquatableArray<Operand> Arguments) : IrInstruction;

/// <summary>A BPF-to-BPF call of the function named <see cref="Callee"/> in the same object (up to five arguments).</summary>
internal sealed record CallFunction(VReg? Dst, string Callee, EquatableArray<Operand> Arguments) : IrInstruction;

/// <summary>An atomic operation on <c>*(size*)(Base + Offset)</c> (<see cref="Size"/> 4 or 8). With <see cref="Fetch"/>, the
/// old value lands in <see cref="Dst"/>. For <see cref="AtomicOp.CompareExchange"/>, <see cref="Expected"/> is compared
/// (r0 in BPF) and <see cref="Dst"/> receives the old value.</summary>
internal sealed record Atomic(AtomicOp Op, VReg Base, short Offset, Operand Value, int Size, VReg? Dst = null, Operand? Expected = null) : IrInstruction
{
    public bool Fetch => Dst is not null;
}
