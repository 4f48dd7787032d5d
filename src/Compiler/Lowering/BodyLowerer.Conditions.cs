using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Lowering.Intrinsics;

namespace Sharp.Bpf.Compiler.Lowering;

// Conditions: comparisons and patterns lowered straight to branches; bool values materialised from them.
internal sealed partial class BodyLowerer
{
    static bool IsComparison(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
        or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;

    /// <summary>Ends the current block with a branch to <paramref name="whenTrue"/> or <paramref name="whenFalse"/>.</summary>
    void LowerCondition(IOperation condition, int whenTrue, int whenFalse)
    {
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            builder.Jump(constant ? whenTrue : whenFalse);
            return;
        }
        if (TryBranchMoveNext(condition, whenTrue, whenFalse)) return;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null, IsLifted: false } negation:
                LowerCondition(negation.Operand, whenFalse, whenTrue);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } both:
            {
                int right = builder.NewBlock();
                LowerCondition(both.LeftOperand, right, whenFalse);
                builder.SetCurrent(right);
                LowerCondition(both.RightOperand, whenTrue, whenFalse);
                return;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } either:
            {
                int right = builder.NewBlock();
                LowerCondition(either.LeftOperand, whenTrue, right);
                builder.SetCurrent(right);
                LowerCondition(either.RightOperand, whenTrue, whenFalse);
                return;
            }
            case IBinaryOperation { OperatorMethod: null, IsLifted: false } comparison when IsComparison(comparison.OperatorKind):
            {
                var operandType = comparison.LeftOperand.Type!;
                var left = LowerScalar(comparison.LeftOperand);
                if (left is VReg && HasSideEffects(comparison.RightOperand)) left = Copy(left);
                var right = LowerScalar(comparison.RightOperand);
                Compare(comparison.OperatorKind, operandType, left, right, whenTrue, whenFalse);
                return;
            }
            case IIsPatternOperation pattern:
            {
                var input = Lower(pattern.Value);
                if (input is not ScalarValue { Operand: var operand })
                {
                    Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, pattern,
                        $"'{pattern.Syntax}' matches a pattern on a non-integer value: compare integer fields instead");
                    builder.Jump(whenFalse);
                    return;
                }
                if (operand is VReg && HasSideEffects(pattern.Pattern)) operand = Copy(operand);
                LowerPattern(operand, pattern.Value.Type!, pattern.Pattern, whenTrue, whenFalse);
                return;
            }
            case IPropertyReferenceOperation property when NullableIntrinsics.TryBranch(property, this, whenTrue, whenFalse):
                return;
            default:
                var value = LowerScalar(condition);
                builder.Branch(Condition.Ne, Width.W64, value, new Imm(0), whenTrue, whenFalse);
                return;
        }
    }

    void LowerPattern(Operand input, ITypeSymbol inputType, IPatternOperation pattern, int whenTrue, int whenFalse)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                Compare(BinaryOperatorKind.Equals, inputType, input, ConvertTo(constant.Value, inputType), whenTrue, whenFalse);
                return;
            case IRelationalPatternOperation relational:
                Compare(relational.OperatorKind, inputType, input, ConvertTo(relational.Value, inputType), whenTrue, whenFalse);
                return;
            case INegatedPatternOperation negated:
                LowerPattern(input, inputType, negated.Pattern, whenFalse, whenTrue);
                return;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
            {
                int right = builder.NewBlock();
                LowerPattern(input, inputType, both.LeftPattern, right, whenFalse);
                builder.SetCurrent(right);
                LowerPattern(input, inputType, both.RightPattern, whenTrue, whenFalse);
                return;
            }
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
            {
                int right = builder.NewBlock();
                LowerPattern(input, inputType, either.LeftPattern, whenTrue, right);
                builder.SetCurrent(right);
                LowerPattern(input, inputType, either.RightPattern, whenTrue, whenFalse);
                return;
            }
            case IDiscardPatternOperation:
                builder.Jump(whenTrue);
                return;
            case ITypePatternOperation type when SymbolEqualityComparer.Default.Equals(type.MatchedType, inputType):
                builder.Jump(whenTrue);
                return;
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } declaration
                when declaration.MatchesNull || SymbolEqualityComparer.Default.Equals(declaration.MatchedType, inputType):
                if (LocalLocation(local, pattern) is { } location) Write(location, new ScalarValue(input, inputType));
                builder.Jump(whenTrue);
                return;
            case IDeclarationPatternOperation { DeclaredSymbol: null } discard
                when discard.MatchesNull || SymbolEqualityComparer.Default.Equals(discard.MatchedType, inputType):
                builder.Jump(whenTrue);
                return;
            default:
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, pattern,
                    $"the pattern '{pattern.Syntax}' cannot be compiled to eBPF: use constant, relational, 'and', 'or' and 'not' patterns");
                builder.Jump(whenFalse);
                return;
        }
    }

    /// <summary>A pattern's constant as the input's type (patterns compare in the input's type).</summary>
    Operand ConvertTo(IOperation constant, ITypeSymbol inputType)
    {
        var value = LowerScalar(constant);
        return ScalarType.Of(constant.Type) is { } from && ScalarType.Of(inputType) is { } to ? Convert(value, from, to) : value;
    }

    /// <summary>Branches on <c>left kind right</c> for operands of <paramref name="operandType"/>.</summary>
    void Compare(BinaryOperatorKind kind, ITypeSymbol operandType, Operand left, Operand right, int whenTrue, int whenFalse)
    {
        var scalar = ScalarType.Of(operandType) ?? new ScalarType(64, false);
        if (left is Imm leftConstant && right is Imm rightConstant)
        {
            builder.Jump(Evaluate(kind, scalar, leftConstant.Value, rightConstant.Value) ? whenTrue : whenFalse);
            return;
        }
        var width = scalar.Width;
        if (scalar.Signed && scalar.Bits < 32 && kind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            // Narrow signed values are zero-extended in registers: sign-extend both to compare them as numbers.
            left = Convert(left, scalar, new ScalarType(64, true));
            right = Convert(right, scalar, new ScalarType(64, true));
            width = Width.W64;
        }
        if (left is Imm)
        {
            (left, right) = (right, left);
            kind = kind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => kind,
            };
        }
        var condition = kind switch
        {
            BinaryOperatorKind.Equals => Condition.Eq,
            BinaryOperatorKind.NotEquals => Condition.Ne,
            BinaryOperatorKind.LessThan => scalar.Signed ? Condition.Slt : Condition.Ult,
            BinaryOperatorKind.LessThanOrEqual => scalar.Signed ? Condition.Sle : Condition.Ule,
            BinaryOperatorKind.GreaterThan => scalar.Signed ? Condition.Sgt : Condition.Ugt,
            _ => scalar.Signed ? Condition.Sge : Condition.Uge,
        };
        builder.Branch(condition, width, left, Narrow(right, width), whenTrue, whenFalse);
    }

    static bool Evaluate(BinaryOperatorKind kind, ScalarType type, long left, long right)
    {
        int shift = 64 - type.Bits;
        int comparison = type.Signed
            ? (left << shift >> shift).CompareTo(right << shift >> shift)
            : ((ulong)left).CompareTo((ulong)right);
        return kind switch
        {
            BinaryOperatorKind.Equals => comparison == 0,
            BinaryOperatorKind.NotEquals => comparison != 0,
            BinaryOperatorKind.LessThan => comparison < 0,
            BinaryOperatorKind.LessThanOrEqual => comparison <= 0,
            BinaryOperatorKind.GreaterThan => comparison > 0,
            _ => comparison >= 0,
        };
    }

    /// <summary>A bool value (0 or 1) from a condition.</summary>
    LoweredValue MaterializeCondition(IOperation condition)
    {
        var result = builder.NewRegister();
        int whenTrue = builder.NewBlock(), whenFalse = builder.NewBlock(), join = builder.NewBlock();
        LowerCondition(condition, whenTrue, whenFalse);
        builder.SetCurrent(whenTrue);
        builder.Emit(new Move(result, new Imm(1)));
        builder.Jump(join);
        builder.SetCurrent(whenFalse);
        builder.Emit(new Move(result, new Imm(0)));
        builder.Jump(join);
        builder.SetCurrent(join);
        return new ScalarValue(result, condition.Type ?? Compilation.GetSpecialType(SpecialType.System_Boolean));
    }
}
