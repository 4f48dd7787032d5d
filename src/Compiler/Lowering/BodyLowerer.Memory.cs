using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

// Unsafe pointers to stack memory, inline arrays and fixed buffers.
internal sealed partial class BodyLowerer
{
    LoweredValue LowerAddressOf(IAddressOfOperation address)
    {
        var type = address.Type!;
        switch (LowerLocation(address.Reference))
        {
            case StackLocation stack:
                return new PointerValue(StackAddress(stack), PointerKind.Stack, type);
            case MemoryLocation memory:
                var register = builder.NewRegister();
                builder.Emit(new Binary(BinaryOp.Add, Width.W64, register, memory.Base, new Imm(memory.Offset)));
                return new PointerValue(register, memory.Kind, type);
            case null:
                return Poison(type);
            default:
                return Unsupported(address, $"'{address.Syntax}' takes the address of something not in memory: take the address of a local or a struct field");
        }
    }

    /// <summary>The memory <paramref name="pointer"/> points to, plus <paramref name="offset"/> bytes, as <paramref name="type"/>.</summary>
    Location? Dereference(IOperation pointer, int offset, ITypeSymbol type, IOperation at)
    {
        switch (Lower(pointer))
        {
            case PointerValue value when offset is >= short.MinValue and <= short.MaxValue:
                var pinned = builder.NewRegister();
                builder.Emit(new Move(pinned, value.Address));
                return new MemoryLocation(pinned, (short)offset, value.Kind, type);
            default:
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, at,
                    $"'{at.Syntax}' dereferences something that is not a pointer to eBPF memory: point to a local or a struct field");
                return null;
        }
    }

    LoweredValue LowerPointerArithmetic(IBinaryOperation binary)
    {
        var leftValue = Lower(binary.LeftOperand);
        var rightValue = Lower(binary.RightOperand);
        if (leftValue is PointerValue left && rightValue is PointerValue right && binary.OperatorKind == BinaryOperatorKind.Subtract)
        {
            int elementSize = Math.Max(SizeOf(((IPointerTypeSymbol)left.Type).PointedAtType), 1);
            var difference = Emit(BinaryOp.Sub, Width.W64, left.Address, right.Address);
            return new ScalarValue(elementSize == 1 ? difference : Emit(BinaryOp.SDiv, Width.W64, difference, new Imm(elementSize)), binary.Type!);
        }
        var (pointer, index, indexOperation) = leftValue is PointerValue p ? (p, rightValue, binary.RightOperand) : ((PointerValue)rightValue, leftValue, binary.LeftOperand);
        if (binary.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract) || index is not ScalarValue scalarIndex)
            return Unsupported(binary, $"'{binary.Syntax}' is pointer arithmetic eBPF code cannot do: add or subtract an integer");
        return new PointerValue(Advance(pointer, scalarIndex.Operand, indexOperation.Type!, binary.OperatorKind == BinaryOperatorKind.Subtract), pointer.Kind, pointer.Type);
    }

    /// <summary><c>pointer ± index</c> in elements of the pointee, as a 64-bit address computation.</summary>
    VReg Advance(PointerValue pointer, Operand index, ITypeSymbol indexType, bool subtract)
    {
        int elementSize = Math.Max(SizeOf(((IPointerTypeSymbol)pointer.Type).PointedAtType), 1);
        var wide = ScalarType.Of(indexType) is { } scalar ? Convert(index, scalar, new ScalarType(64, scalar.Signed)) : index;
        var bytes = wide is Imm constant ? new Imm(constant.Value * elementSize) : elementSize == 1 ? wide : Emit(BinaryOp.Mul, Width.W64, wide, new Imm(elementSize));
        return Emit(subtract ? BinaryOp.Sub : BinaryOp.Add, Width.W64, pointer.Address, bytes);
    }

    LoweredValue LowerPointerCompound(ICompoundAssignmentOperation compound, IPointerTypeSymbol type)
    {
        if (compound.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract) || LowerLocation(compound.Target) is not { } location)
            return Unsupported(compound, $"'{compound.Syntax}' is pointer arithmetic eBPF code cannot do: add or subtract an integer");
        if (Read(location) is not PointerValue pointer) return Poison(type);
        var index = LowerScalar(compound.Value);
        var updated = new PointerValue(Advance(pointer, index, compound.Value.Type!, compound.OperatorKind == BinaryOperatorKind.Subtract), pointer.Kind, type);
        Write(location, updated);
        return updated;
    }

    /// <summary><c>buffer[i]</c> on a fixed buffer (a constant index within its length) or <c>p[i]</c> on a pointer.</summary>
    Location? Element(IOperation indexed, IOperation index, IOperation at)
    {
        var type = at.Type!;
        int elementSize = Math.Max(SizeOf(type), 1);
        long? constant = index.ConstantValue is { HasValue: true } value ? ScalarType.ConstantBits(value.Value) : null;
        if (indexed is IFieldReferenceOperation { Field: { IsFixedSizeBuffer: true } fixedBuffer } field)
        {
            if (constant is not long i)
                return FieldLocation(field) is { } buffer ? VariableElement(buffer, index, fixedBuffer.FixedSize, elementSize, type, at) : null;
            if (i < 0 || i >= fixedBuffer.FixedSize)
            {
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, at,
                    $"'{at.Syntax}' indexes outside the fixed buffer (length {fixedBuffer.FixedSize}): write an index below {fixedBuffer.FixedSize}");
                return null;
            }
            return FieldLocation(field) is { } location ? Offset(location, (int)i * elementSize, type) : null;
        }
        if (constant is long offset && offset * elementSize is >= short.MinValue and <= short.MaxValue)
            return Dereference(indexed, (int)(offset * elementSize), type, at);
        if (Lower(indexed) is not PointerValue pointer) return Dereference(indexed, 0, type, at);
        var address = Advance(pointer, LowerScalar(index), index.Type!, subtract: false);
        return new MemoryLocation(address, 0, pointer.Kind, type);
    }

    /// <summary>Element <paramref name="index"/> of <paramref name="length"/> in stack memory, accepted when a branch proved
    /// the index's bits below the length (<c>if ((uint)i &lt; N)</c>): the verifier sees the same compare on the same
    /// register, so the address arithmetic stays within the stack object.</summary>
    Location? VariableElement(Location container, IOperation index, int length, int elementSize, ITypeSymbol type, IOperation at)
    {
        ulong bound = frame.Facts?.BoundOf(facts, index) ?? ulong.MaxValue;
        if (bound > (ulong)length || container is not (StackLocation or MemoryLocation))
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UncheckedIndex, at, at.Syntax.ToString());
            return null;
        }
        var value = LowerScalar(index);
        VReg start;
        PointerKind kind = PointerKind.Stack;
        if (container is StackLocation stack)
        {
            start = StackAddress(stack);
        }
        else
        {
            var memory = (MemoryLocation)container;
            start = Emit(BinaryOp.Add, Width.W64, memory.Base, new Imm(memory.Offset));
            kind = memory.Kind;
        }
        var bytes = elementSize == 1 ? value : Emit(BinaryOp.Mul, Width.W64, value, new Imm(elementSize));
        return new MemoryLocation(Emit(BinaryOp.Add, Width.W64, start, bytes), 0, kind, type);
    }

    /// <summary><c>array[i]</c> on an <c>[InlineArray]</c> struct: a constant index is an offset; a variable one needs a
    /// bounds check (<see cref="VariableElement"/>).</summary>
    Location? InlineArrayElement(IInlineArrayAccessOperation access)
    {
        if (LowerLocation(access.Instance) is not { } instance) return null;
        if (TypeLayout.Of(access.Instance.Type!).Shape is not InlineArrayShape shape) return null;
        if (access.Argument.ConstantValue is not { HasValue: true } constant || ScalarType.ConstantBits(constant.Value) is not long index)
            return VariableElement(instance, access.Argument, shape.Length, shape.Element.Size, access.Type!, access);
        if (index < 0 || index >= shape.Length)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, access,
                $"'{access.Syntax}' indexes outside the array (length {shape.Length}): C# would throw IndexOutOfRangeException");
            return null;
        }
        return Offset(instance, (int)index * shape.Element.Size, access.Type!);
    }
}
