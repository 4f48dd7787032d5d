using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>What lowering an expression produced. Scalars are registers or constants in the canonical representation of
/// their type (src/Compiler/README.md: zero-extended from their own width); structs live in stack slots; pointers carry the
/// kind of memory they point to, because the verifier never lets two kinds meet in one register.</summary>
internal abstract record LoweredValue(ITypeSymbol Type);

/// <summary>An integer, bool, char, enum or pointer-sized value in a register or as a constant.</summary>
internal sealed record ScalarValue(Operand Operand, ITypeSymbol Type) : LoweredValue(Type);

/// <summary>A struct value stored at <see cref="Offset"/> in stack slot <see cref="Slot"/>.</summary>
internal sealed record StackValue(int Slot, int Offset, ITypeSymbol Type) : LoweredValue(Type);

/// <summary>What a pointer register points to; lowering keeps kinds apart at joins.</summary>
internal enum PointerKind
{
    /// <summary>The program's context (<c>ctx</c>, r1 on entry): loads at constant offsets only.</summary>
    Context,
    /// <summary>Packet data (between <c>data</c> and <c>data_end</c>): every access needs a bounds check.</summary>
    Packet,
    /// <summary>The end of packet data: only compared against.</summary>
    PacketEnd,
    /// <summary>The BPF stack (an address of a stack slot).</summary>
    Stack,
    /// <summary>A map value returned by a lookup, after its null check.</summary>
    MapValue,
    /// <summary>A map (for helpers that take one).</summary>
    Map,
    /// <summary>A global's data section.</summary>
    Global,
    /// <summary>Kernel memory read only through <c>bpf_probe_read_kernel</c>.</summary>
    Kernel,
}

/// <summary>A pointer to <see cref="Type"/>'s pointee (or to <see cref="Type"/> itself for references) in a register.</summary>
internal sealed record PointerValue(VReg Address, PointerKind Kind, ITypeSymbol Type) : LoweredValue(Type);

/// <summary>A value made of several registers that a local can hold, such as a packet cursor (data pointer, data_end).
/// <see cref="Tag"/> says what it is to the intrinsics that made it; assigning it to a local copies the registers.</summary>
internal sealed record CompositeValue(ImmutableArray<VReg> Registers, object Tag, ITypeSymbol Type) : LoweredValue(Type);

/// <summary>A managed reference (<c>ref</c> local, <c>ref</c> return, <c>ref</c>/<c>in</c>/<c>out</c> argument) to a location.</summary>
internal sealed record ReferenceValue(Location Target) : LoweredValue(Target.Type);

/// <summary>Something that can be read and written: a register, bytes in a stack slot, or memory through a pointer.</summary>
internal abstract record Location(ITypeSymbol Type);

/// <summary>A scalar, pointer or composite local kept in registers (composites: <see cref="CompositeRegisters"/>).</summary>
internal sealed record RegisterLocation(VReg Register, ITypeSymbol Type, PointerKind? Kind = null) : Location(Type);

/// <summary>A local holding a <see cref="CompositeValue"/>.</summary>
internal sealed record CompositeLocation(ImmutableArray<VReg> Registers, object Tag, ITypeSymbol Type) : Location(Type);

/// <summary>Bytes at <see cref="Offset"/> in stack slot <see cref="Slot"/> (a struct local or one of its fields).</summary>
internal sealed record StackLocation(int Slot, int Offset, ITypeSymbol Type) : Location(Type);

/// <summary>Memory at <see cref="Offset"/> from the pointer in <see cref="Base"/> (whose register is never reassigned).</summary>
internal sealed record MemoryLocation(VReg Base, short Offset, PointerKind Kind, ITypeSymbol Type) : Location(Type);
