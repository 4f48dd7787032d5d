using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>IR shapes shared by the intrinsic families: registers from operands, booleans from branches, helper calls,
/// stack addresses for helper arguments and copies through pointers.</summary>
internal static class IntrinsicEmit
{
    /// <summary><paramref name="operand"/> in a register (constants are moved into a new one).</summary>
    public static VReg Register(ILoweringContext context, Operand operand)
    {
        if (operand is VReg register) return register;
        var moved = context.Builder.NewRegister();
        context.Builder.Emit(new Move(moved, operand));
        return moved;
    }

    /// <summary>The register of a pointer-like value: a pointer, a register scalar, or the registers of a reference.</summary>
    public static VReg? PointerRegister(LoweredValue value) => value switch
    {
        PointerValue pointer => pointer.Address,
        ScalarValue { Operand: VReg register } => register,
        _ => null,
    };

    /// <summary><c>Dst = Src + Add</c> in 64 bits (pointer arithmetic is never 32-bit).</summary>
    public static VReg Offset(ILoweringContext context, VReg source, Operand add)
    {
        var result = context.Builder.NewRegister();
        context.Builder.Emit(new Binary(BinaryOp.Add, Width.W64, result, source, add));
        return result;
    }

    /// <summary>A bool register: 1 when <c>left condition right</c> holds, else 0, through a branch and a join (the verifier
    /// follows each side with the knowledge the compare gave it, e.g. a null check).</summary>
    public static VReg BoolFromBranch(ILoweringContext context, Condition condition, Width width, VReg left, Operand right)
    {
        var builder = context.Builder;
        var result = builder.NewRegister();
        int whenTrue = builder.NewBlock(), whenFalse = builder.NewBlock(), join = builder.NewBlock();
        builder.Branch(condition, width, left, right, whenTrue, whenFalse);
        builder.SetCurrent(whenTrue);
        builder.Emit(new Move(result, new Imm(1)));
        builder.Jump(join);
        builder.SetCurrent(whenFalse);
        builder.Emit(new Move(result, new Imm(0)));
        builder.Jump(join);
        builder.SetCurrent(join);
        return result;
    }

    /// <summary>Calls helper <paramref name="helperId"/> and returns r0 in a new register.</summary>
    public static VReg Call(ILoweringContext context, int helperId, params Operand[] arguments)
    {
        var result = context.Builder.NewRegister();
        context.Builder.Emit(new CallHelper(result, helperId, arguments.ToEquatableArray()));
        return result;
    }

    /// <summary>r0 of a helper as a value of <paramref name="type"/> in its canonical form (narrow types zero-extended).</summary>
    public static LoweredValue Result(ILoweringContext context, VReg r0, ITypeSymbol type)
    {
        int size = type.SpecialType == SpecialType.System_Boolean ? 1 : context.SizeOf(type);
        if (size >= 8) return new ScalarValue(r0, type);
        var narrowed = context.Builder.NewRegister();
        context.Builder.Emit(new Extend(narrowed, r0, size * 8, Signed: false));
        return new ScalarValue(narrowed, type);
    }

    /// <summary>A scalar widened to 64 bits for a helper argument: signed types are sign-extended (C# values of 32 bits or
    /// less live zero-extended), unsigned ones are already.</summary>
    public static Operand Widened(ILoweringContext context, Operand operand, ITypeSymbol type)
    {
        var special = type.TypeKind == TypeKind.Enum ? ((INamedTypeSymbol)type).EnumUnderlyingType!.SpecialType : type.SpecialType;
        int bits = special switch
        {
            SpecialType.System_SByte => 8,
            SpecialType.System_Int16 => 16,
            SpecialType.System_Int32 => 32,
            _ => 0,
        };
        if (bits == 0) return operand;
        if (operand is Imm constant) return new Imm(bits switch { 8 => (sbyte)constant.Value, 16 => (short)constant.Value, _ => (int)constant.Value });
        var widened = context.Builder.NewRegister();
        context.Builder.Emit(new Extend(widened, operand, bits, Signed: true));
        return widened;
    }

    /// <summary>The address of a stack copy of <paramref name="value"/>'s value (a struct already on the stack is not copied),
    /// for a helper's <c>const void *</c> argument (map keys and values, records).</summary>
    public static VReg AddressOfValue(ILoweringContext context, IOperation value, string name) =>
        context.StackAddress(context.Materialize(context.Lower(value), name));

    /// <summary>Where an <c>out</c> argument goes: its location, or a fresh stack object for a discard.</summary>
    public static Location? OutLocation(ILoweringContext context, IOperation value, ITypeSymbol type)
    {
        if (value is IDiscardOperation) return context.NewStackObject(type, context.SizeOf(type), 8, "discard");
        return context.LowerLocation(value is IDeclarationExpressionOperation declaration ? declaration.Expression : value);
    }

    /// <summary>A stack buffer a helper writes an <c>out</c> value into: the destination itself when it is on the stack,
    /// else a temporary that <see cref="FinishOut"/> copies to the destination.</summary>
    public static StackLocation OutBuffer(ILoweringContext context, Location destination, string name) =>
        destination as StackLocation ?? context.NewStackObject(destination.Type, context.SizeOf(destination.Type), 8, name);

    /// <summary>Copies a temporary <see cref="OutBuffer"/> to its destination (nothing when the helper wrote in place).</summary>
    public static void FinishOut(ILoweringContext context, Location destination, StackLocation buffer)
    {
        if (!ReferenceEquals(destination, buffer)) context.Write(destination, context.Read(buffer));
    }

    /// <summary>The value C#'s <c>default</c> gives <paramref name="type"/>.</summary>
    public static LoweredValue Default(ILoweringContext context, ITypeSymbol type)
    {
        if (type.IsValueType && type.TypeKind != TypeKind.Enum && type.SpecialType == SpecialType.None)
        {
            var zero = context.NewStackObject(type, context.SizeOf(type), 8, "default");
            return new StackValue(zero.Slot, zero.Offset, type);
        }
        return new ScalarValue(new Imm(0), type);
    }
}
