using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

// Integer operators, conversions and assignments with C#'s exact (unchecked) semantics.
internal sealed partial class BodyLowerer
{
    LoweredValue LowerConversion(IConversionOperation conversion)
    {
        var to = conversion.Type!;
        var from = conversion.Operand.Type;
        if (conversion.OperatorMethod is { } method)
            return InlineCall(method, null, [(method.Parameters[0], conversion.Operand)], conversion);
        if (ScalarType.IsFloatingPoint(to) || ScalarType.IsFloatingPoint(from))
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.FloatingPoint, conversion, conversion.Syntax.ToString());
            return Poison(to);
        }
        if (conversion.Operand.ConstantValue is { HasValue: true, Value: null } && to is IPointerTypeSymbol)
            return new PointerValue(MoveToRegister(new Imm(0)), PointerKind.Stack, to);
        var value = Lower(conversion.Operand);
        // A ref-returning member (a map value's 'ref Value') converts what it refers to.
        if (value is ReferenceValue reference) value = Read(reference.Target);
        if (SymbolEqualityComparer.Default.Equals(from, to) || conversion.Conversion.IsIdentity)
            return value;
        if (!to.IsValueType && to is not IPointerTypeSymbol)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.HeapAllocation, conversion, conversion.Syntax.ToString());
            return Poison(to);
        }
        if (value is PointerValue pointer)
            return to is IPointerTypeSymbol ? pointer with { Type = to } : new ScalarValue(pointer.Address, to);
        if (ScalarType.Of(from) is { } source && ScalarType.Of(to) is { } target && value is ScalarValue scalar)
        {
            if (conversion.IsChecked && !Contains(target, source))
                Report(Sharp.Bpf.Compiler.Diagnostics.CheckedArithmetic, conversion, conversion.Syntax.ToString());
            var converted = Convert(scalar.Operand, source, target);
            return to is IPointerTypeSymbol ? new PointerValue(MoveToRegister(converted), PointerKind.Stack, to) : new ScalarValue(converted, to);
        }
        if (value.Type is not null && SymbolEqualityComparer.Default.Equals(value.Type, to)) return value;
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, conversion, conversion.Syntax.ToString());
        return Poison(to);
    }

    static bool Contains(ScalarType target, ScalarType source) =>
        target.Signed == source.Signed ? target.Bits >= source.Bits : target.Signed && target.Bits > source.Bits;

    /// <summary>Re-represents an integer of type <paramref name="from"/> as <paramref name="to"/> (C#'s unchecked conversion).</summary>
    Operand Convert(Operand value, ScalarType from, ScalarType to)
    {
        if (value is Imm constant)
        {
            long bits = from.Signed && from.Bits < 64 ? constant.Value << (64 - from.Bits) >> (64 - from.Bits) : constant.Value;
            return new Imm(to.Canonical(bits));
        }
        if (to.Bits > from.Bits && from.Signed)
        {
            var extended = builder.NewRegister();
            builder.Emit(new Extend(extended, value, from.Bits, Signed: true));
            if (to.Bits == 64) return extended;
            var truncated = builder.NewRegister();
            builder.Emit(new Extend(truncated, extended, to.Bits, Signed: false));
            return truncated;
        }
        if (to.Bits < from.Bits)
        {
            var truncated = builder.NewRegister();
            builder.Emit(new Extend(truncated, value, to.Bits, Signed: false));
            return truncated;
        }
        return value;
    }

    VReg MoveToRegister(Operand operand)
    {
        if (operand is VReg register) return register;
        register = builder.NewRegister();
        builder.Emit(new Move(register, operand));
        return register;
    }

    LoweredValue LowerBinary(IBinaryOperation binary)
    {
        if (IsComparison(binary.OperatorKind) || binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
            return MaterializeCondition(binary);
        if (binary.OperatorMethod is { } method)
            return InlineCall(method, null, [(method.Parameters[0], binary.LeftOperand), (method.Parameters[1], binary.RightOperand)], binary);
        if (binary.IsLifted)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, binary, binary.Syntax.ToString());
            return Poison(binary.Type!);
        }
        if (binary.LeftOperand.Type is IPointerTypeSymbol || binary.RightOperand.Type is IPointerTypeSymbol)
            return LowerPointerArithmetic(binary);
        var left = LowerScalar(binary.LeftOperand);
        if (left is VReg && HasSideEffects(binary.RightOperand)) left = Copy(left);
        var right = LowerScalar(binary.RightOperand);
        var type = binary.Type!;
        if (ScalarType.Of(type) is not { } scalar)
            return Unsupported(binary, $"'{binary.Syntax}' is an operator on a type eBPF cannot hold: use integers");
        if (binary.IsChecked && binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
            Report(Sharp.Bpf.Compiler.Diagnostics.CheckedArithmetic, binary, binary.Syntax.ToString());
        return new ScalarValue(Arithmetic(binary.OperatorKind, scalar, left, right, binary.LeftOperand, binary.RightOperand, binary), type);
    }

    static bool HasSideEffects(IOperation operation) => operation.DescendantsAndSelf().Any(o =>
        o is IAssignmentOperation or IIncrementOrDecrementOperation or IInvocationOperation or IPropertyReferenceOperation);

    Operand Copy(Operand operand)
    {
        var register = builder.NewRegister();
        builder.Emit(new Move(register, operand));
        return register;
    }

    /// <summary>Emits <c>left kind right</c> on operands of <paramref name="type"/> (the operator's type: for shifts, the left
    /// operand's). The result is canonical for <paramref name="type"/>.</summary>
    Operand Arithmetic(BinaryOperatorKind kind, ScalarType type, Operand left, Operand right, IOperation? leftOperation, IOperation rightOperation, IOperation at)
    {
        var width = type.Width;
        BinaryOp op;
        switch (kind)
        {
            case BinaryOperatorKind.Add: op = BinaryOp.Add; break;
            case BinaryOperatorKind.Subtract: op = BinaryOp.Sub; break;
            case BinaryOperatorKind.Multiply: op = BinaryOp.Mul; break;
            case BinaryOperatorKind.And: op = BinaryOp.And; break;
            case BinaryOperatorKind.Or: op = BinaryOp.Or; break;
            case BinaryOperatorKind.ExclusiveOr: op = BinaryOp.Xor; break;
            case BinaryOperatorKind.LeftShift: op = BinaryOp.Lsh; break;
            case BinaryOperatorKind.RightShift: op = type.Signed ? BinaryOp.Arsh : BinaryOp.Rsh; break;
            case BinaryOperatorKind.UnsignedRightShift: op = BinaryOp.Rsh; break;
            case BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder:
                CheckDivision(type, left, right, leftOperation, rightOperation, at);
                op = kind == BinaryOperatorKind.Divide ? (type.Signed ? BinaryOp.SDiv : BinaryOp.UDiv) : (type.Signed ? BinaryOp.SMod : BinaryOp.UMod);
                break;
            default:
                PoisonOperand(at, $"the operator in '{at.Syntax}' cannot be compiled to eBPF");
                return new Imm(0);
        }
        if (op is BinaryOp.Lsh or BinaryOp.Rsh or BinaryOp.Arsh && right is Imm count)
            right = new Imm(count.Value & (type.Bits == 64 ? 63 : 31));
        if (op is BinaryOp.Arsh && type.Bits < 32)
        {
            // A narrow signed value is kept zero-extended: sign-extend it first, so the shift brings in its sign.
            left = Convert(left, type, new ScalarType(32, true));
        }
        var result = builder.NewRegister();
        builder.Emit(new Binary(op, width, result, Narrow(left, width), Narrow(right, width)));
        if (type.Bits < 32 && op is not (BinaryOp.And or BinaryOp.Or or BinaryOp.Xor or BinaryOp.Rsh or BinaryOp.UDiv or BinaryOp.UMod))
        {
            var canonical = builder.NewRegister();
            builder.Emit(new Extend(canonical, result, type.Bits, Signed: false));
            return canonical;
        }
        return result;
    }

    /// <summary>A 32-bit operation reads only the low 32 bits of a constant: give it the sign-extended form, which the
    /// backend can encode as an immediate.</summary>
    static Operand Narrow(Operand operand, Width width) =>
        operand is Imm imm && width == Width.W32 ? new Imm((int)imm.Value) : operand;

    /// <summary>C# throws on a zero divisor and on MinValue / -1; eBPF does not. Accept only what is proven safe.</summary>
    void CheckDivision(ScalarType type, Operand left, Operand right, IOperation? dividend, IOperation divisor, IOperation at)
    {
        long SignExtend(long v) => type.Bits == 64 ? v : v << (64 - type.Bits) >> (64 - type.Bits);
        var known = frame.Facts?.About(facts, divisor) ?? ValueFact.None;
        bool nonZero = right is Imm constant ? type.Canonical(constant.Value) != 0 : known.NonZero;
        if (!nonZero)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.DivisorMayBeZero, at, at.Syntax.ToString());
            return;
        }
        if (!type.Signed) return;
        bool notMinusOne = right is Imm minusOne ? SignExtend(minusOne.Value) != -1
            : known.NotMinusOne || NarrowerUnsigned(divisor, type);
        bool notMinValue = left is Imm dividendConstant ? SignExtend(dividendConstant.Value) != type.MinValue
            : dividend is not null && (Narrower(dividend, type) || frame.Facts?.About(facts, dividend).NotMinValue == true);
        // Each path into this block may exclude the overflow differently: b != -1 on one, a != MinValue on another.
        bool everyPathSafe = frame.Facts is { } all && dividend is not null && paths.Count > 0
            && paths.All(path => all.About(path, divisor).NotMinusOne || all.About(path, dividend).NotMinValue);
        if (!notMinusOne && !notMinValue && !everyPathSafe)
            Report(Sharp.Bpf.Compiler.Diagnostics.SignedDivisionOverflow, at, at.Syntax.ToString());
    }

    /// <summary>Whether the operation is an implicit widening of a narrower integer (which cannot be the wider MinValue).</summary>
    static bool Narrower(IOperation operation, ScalarType type) =>
        ScalarType.Of(ValueFacts.Unwrap(operation).Type) is { } original && original.Bits < type.Bits;

    static bool NarrowerUnsigned(IOperation operation, ScalarType type) =>
        ScalarType.Of(ValueFacts.Unwrap(operation).Type) is { Signed: false } original && original.Bits < type.Bits;

    LoweredValue LowerUnary(IUnaryOperation unary)
    {
        if (unary.OperatorMethod is { } method)
            return InlineCall(method, null, [(method.Parameters[0], unary.Operand)], unary);
        var type = unary.Type!;
        if (unary.IsLifted || ScalarType.Of(type) is not { } scalar)
            return Unsupported(unary, $"'{unary.Syntax}' is an operator on a type eBPF cannot hold: use integers");
        var operand = LowerScalar(unary.Operand);
        switch (unary.OperatorKind)
        {
            case UnaryOperatorKind.Plus:
                return new ScalarValue(operand, type);
            case UnaryOperatorKind.Not:
                return new ScalarValue(Emit(BinaryOp.Xor, Width.W32, operand, new Imm(1)), type);
            case UnaryOperatorKind.Minus or UnaryOperatorKind.BitwiseNegation:
                if (unary.IsChecked && unary.OperatorKind == UnaryOperatorKind.Minus)
                    Report(Sharp.Bpf.Compiler.Diagnostics.CheckedArithmetic, unary, unary.Syntax.ToString());
                var result = builder.NewRegister();
                builder.Emit(new Unary(unary.OperatorKind == UnaryOperatorKind.Minus ? UnaryOp.Neg : UnaryOp.Not, scalar.Width, result, Narrow(operand, scalar.Width)));
                if (scalar.Bits >= 32) return new ScalarValue(result, type);
                var canonical = builder.NewRegister();
                builder.Emit(new Extend(canonical, result, scalar.Bits, Signed: false));
                return new ScalarValue(canonical, type);
            default:
                return Unsupported(unary, $"the operator in '{unary.Syntax}' cannot be compiled to eBPF");
        }
    }

    VReg Emit(BinaryOp op, Width width, Operand left, Operand right)
    {
        var result = builder.NewRegister();
        builder.Emit(new Binary(op, width, result, Narrow(left, width), Narrow(right, width)));
        return result;
    }

    LoweredValue LowerAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef) return BindReference(assignment);
        if (assignment.Target is IDiscardOperation) return Lower(assignment.Value);
        if (assignment.Target is IPropertyReferenceOperation property && !property.Property.ReturnsByRef)
        {
            var assigned = Lower(assignment.Value);
            WriteProperty(property, assigned);
            return assigned;
        }
        if (assignment.Target is IFieldReferenceOperation { Field.IsStatic: true } staticField)
        {
            var assigned = Lower(assignment.Value);
            if (IsForeignStaticField(staticField)) return assigned;
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerFieldWrite(staticField, assigned, this)) return assigned;
            if (FieldLocation(staticField) is { } global) Write(global, assigned);
            return assigned;
        }
        if (assignment.Target is ILocalReferenceOperation local && !frame.Locals.ContainsKey(local.Local) && !local.Local.IsRef
            && !frame.AddressTaken.Contains(local.Local) && !HasOwnStorage(local.Local.Type))
        {
            // A kernel handle (packet cursor, map value reference): the local takes the shape of its first value.
            var first = Lower(assignment.Value);
            var storage = FreshLocationFor(first, local.Local.Name);
            frame.Locals[local.Local] = storage;
            if (first is not ReferenceValue) Write(storage, first);
            return first;
        }
        if (IsZeroStruct(assignment.Value) && ScalarType.Of(assignment.Target.Type) is null
            && LowerLocation(assignment.Target) is (StackLocation or MemoryLocation) and var zeroed)
        {
            // x = default / new S(): zero x in place rather than a temporary copied into it.
            Zero(zeroed, SizeOf(zeroed.Type));
            return new ReferenceValue(zeroed);
        }
        var target = LowerLocation(assignment.Target);
        var value = Lower(assignment.Value);
        if (target is null) return value;
        if (value is ReferenceValue reference) value = Read(reference.Target);
        Write(target, value);
        return value is ScalarValue or PointerValue ? value : Read(target);
    }

    /// <summary>Whether <paramref name="value"/> is the all-zero value of a struct with a layout: <c>default</c>, or <c>new S()</c>
    /// without a constructor or initializer of its own.</summary>
    static bool IsZeroStruct(IOperation value) =>
        value.Type is { IsValueType: true } type && ScalarType.Of(type) is null && TypeLayout.Of(type).Shape is not null
        && value is IDefaultValueOperation
            or IObjectCreationOperation { Constructor: null or { IsImplicitlyDeclared: true }, Initializer: null, Arguments.Length: 0 };

    /// <summary><c>ref T r = ref x;</c>: the ref local becomes another name for x's location (bound once, so a ref local
    /// must not be re-pointed later).</summary>
    LoweredValue BindReference(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not ILocalReferenceOperation { Local: var local } || frame.Locals.ContainsKey(local))
            return Unsupported(assignment, $"'{assignment.Syntax}' re-points a ref local: declare a new ref local instead");
        if (LowerLocation(assignment.Value) is not { } target) return Poison(assignment.Type!);
        var pinned = Pinned(target);
        frame.Locals[local] = pinned;
        return new ReferenceValue(pinned);
    }

    void WriteProperty(IPropertyReferenceOperation property, LoweredValue value)
    {
        if (IntrinsicHook.IsIntrinsic(property.Property))
        {
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerPropertyWrite(property, value, this)) return;
            Report(Sharp.Bpf.Compiler.Diagnostics.KernelMemberNotSupported, property, property.Property.ToDisplayString());
            return;
        }
        if (AutoPropertyLocation(property, out var backing))
        {
            if (backing is not null) Write(backing, value);
            return;
        }
        if (property.Property.SetMethod is not { } setter)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedCall, property, property.Property.ToDisplayString());
            return;
        }
        InlineCall(setter, property.Instance, [(setter.Parameters[^1], new LoweredArgument(value))], property);
    }

    LoweredValue LowerCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        if (compound.OperatorMethod is not null || compound.IsLifted)
            return Unsupported(compound, $"'{compound.Syntax}' uses a user-defined or nullable operator: write the operation with integers");
        if (compound.Target.Type is IPointerTypeSymbol pointerType)
            return LowerPointerCompound(compound, pointerType);
        var targetType = compound.Target.Type!;
        if (ScalarType.Of(targetType) is not { } target)
            return Unsupported(compound, $"'{compound.Syntax}' operates on a type eBPF cannot hold: use integers");
        bool shift = compound.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
        var operatorType = shift || targetType.TypeKind == TypeKind.Enum || compound.Value.Type is null
            ? (target.Bits < 32 && targetType.SpecialType != SpecialType.System_Boolean && targetType.TypeKind != TypeKind.Enum ? new ScalarType(32, true) : target)
            : ScalarType.Of(compound.Value.Type) ?? target;
        if (compound.IsChecked && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
            Report(Sharp.Bpf.Compiler.Diagnostics.CheckedArithmetic, compound, compound.Syntax.ToString());
        if (LowerLocation(compound.Target) is not { } location) return Poison(targetType);
        var old = OperandOf(Read(location));
        if (old is VReg && HasSideEffects(compound.Value)) old = Copy(old);
        var right = LowerScalar(compound.Value);
        var result = Arithmetic(compound.OperatorKind, operatorType, Convert(old, target, operatorType), right, compound.Target, compound.Value, compound);
        var value = new ScalarValue(Convert(result, operatorType, target), targetType);
        Write(location, value);
        return value;
    }

    LoweredValue LowerIncrement(IIncrementOrDecrementOperation increment)
    {
        if (increment.OperatorMethod is not null || increment.IsLifted)
            return Unsupported(increment, $"'{increment.Syntax}' uses a user-defined or nullable operator: write the operation with integers");
        var type = increment.Target.Type!;
        if (increment.IsChecked)
            Report(Sharp.Bpf.Compiler.Diagnostics.CheckedArithmetic, increment, increment.Syntax.ToString());
        if (LowerLocation(increment.Target) is not { } location) return Poison(type);
        var oldValue = Read(location);
        var old = OperandOf(oldValue);
        if (increment.IsPostfix && old is VReg) old = Copy(old);
        bool up = increment.Kind == OperationKind.Increment;
        LoweredValue updated;
        if (type is IPointerTypeSymbol pointer)
        {
            int size = Math.Max(SizeOf(pointer.PointedAtType), 1);
            updated = new PointerValue(Emit(up ? BinaryOp.Add : BinaryOp.Sub, Width.W64, old, new Imm(size)),
                (oldValue as PointerValue)?.Kind ?? PointerKind.Stack, type);
        }
        else if (ScalarType.Of(type) is { } scalar)
        {
            var result = Emit(up ? BinaryOp.Add : BinaryOp.Sub, scalar.Width, old, new Imm(1));
            Operand canonical = result;
            if (scalar.Bits < 32)
            {
                var masked = builder.NewRegister();
                builder.Emit(new Extend(masked, result, scalar.Bits, Signed: false));
                canonical = masked;
            }
            updated = new ScalarValue(canonical, type);
        }
        else
        {
            return Unsupported(increment, $"'{increment.Syntax}' operates on a type eBPF cannot hold: use integers");
        }
        Write(location, updated);
        return increment.IsPostfix
            ? (updated is PointerValue p ? p with { Address = (VReg)old } : new ScalarValue(old, type))
            : updated;
    }
}
