using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>What branches and assignments have proven about a local or parameter: non-zero and not -1 (for divisors);
/// non-negative, an exclusive upper bound of its bits read as unsigned (<c>if ((uint)i &lt; N)</c>) and of its signed
/// value (<c>for (int i = 0; i &lt; N; i++)</c>), for indices.</summary>
internal readonly record struct ValueFact(bool NonZero, bool NotMinusOne, ulong Below, bool NonNegative = false, long SignedBelow = long.MaxValue)
{
    public static ValueFact None { get; } = new(false, false, ulong.MaxValue);

    /// <summary>The exclusive bound of the value's bits read as unsigned.</summary>
    public ulong Bound => NonNegative && SignedBelow > 0 ? Math.Min(Below, (ulong)SignedBelow) : Below;

    /// <summary>What holds on both of two joining paths. A bound that differs is dropped rather than widened to the larger
    /// one, so that loops (whose counter's bound grows each time around) reach a fixed point at once.</summary>
    public ValueFact Meet(ValueFact other) => new(NonZero && other.NonZero, NotMinusOne && other.NotMinusOne,
        Below == other.Below ? Below : ulong.MaxValue, NonNegative && other.NonNegative,
        SignedBelow == other.SignedBelow ? SignedBelow : long.MaxValue);

    /// <summary>What holds when both facts do.</summary>
    public ValueFact With(ValueFact other) => new(NonZero || other.NonZero, NotMinusOne || other.NotMinusOne, Math.Min(Below, other.Below),
        NonNegative || other.NonNegative, Math.Min(SignedBelow, other.SignedBelow));
}

/// <summary>A forward data-flow analysis over a method's CFG: what is known about locals and parameters at the start of
/// each block, because every path to it passed a branch that excluded some values and did not assign the variable
/// afterwards. Variables whose address is taken or that are passed or bound by reference are never tracked.</summary>
internal sealed class ValueFacts
{
    readonly Dictionary<ISymbol, ValueFact>?[] atEntry;
    readonly HashSet<ISymbol> aliased;

    ValueFacts(Dictionary<ISymbol, ValueFact>?[] atEntry, HashSet<ISymbol> aliased)
    {
        this.atEntry = atEntry;
        this.aliased = aliased;
    }

    /// <summary>The facts at the start of block <paramref name="ordinal"/> (a copy the caller may update).</summary>
    public Dictionary<ISymbol, ValueFact> AtEntry(int ordinal) => new(atEntry[ordinal] ?? [], SymbolEqualityComparer.Default);

    public static ValueFacts Compute(ControlFlowGraph graph)
    {
        var aliased = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var block in graph.Blocks)
            foreach (var operation in OperationsOf(block))
                foreach (var descendant in operation.DescendantsAndSelf())
                    if (ReferenceTaken(descendant) is { } symbol) aliased.Add(symbol);

        // Round-robin iteration: a block's entry is the meet of its incoming edges' facts as last computed (edges not yet
        // computed are ignored). Bounds that differ between edges are dropped, so loops settle in a few passes; if they do
        // not, no fact is kept at all, which is always sound.
        var entry = new Dictionary<ISymbol, ValueFact>?[graph.Blocks.Length];
        var edges = new Dictionary<(int From, bool Conditional), Dictionary<ISymbol, ValueFact>>();
        bool converged = false;
        for (int pass = 0; pass < MaximumPasses && !converged; pass++)
        {
            converged = true;
            foreach (var block in graph.Blocks)
            {
                var facts = block.Ordinal == 0 ? new Dictionary<ISymbol, ValueFact>(SymbolEqualityComparer.Default) : Join(block, edges);
                entry[block.Ordinal] = facts;
                if (facts is null) continue;
                var after = new Dictionary<ISymbol, ValueFact>(facts, SymbolEqualityComparer.Default);
                foreach (var operation in OperationsOf(block))
                    Transfer(after, operation);
                if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is { } condition)
                {
                    bool jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                    converged &= !Update(edges, (block.Ordinal, true), With(after, condition, jumpsWhen, aliased));
                    converged &= !Update(edges, (block.Ordinal, false), With(after, condition, !jumpsWhen, aliased));
                }
                else
                {
                    converged &= !Update(edges, (block.Ordinal, false), after);
                }
            }
        }
        if (!converged)
            for (int i = 0; i < entry.Length; i++) entry[i] = null;
        return new ValueFacts(entry, aliased);
    }

    /// <summary>Updates the facts for one statement: what it assigns is forgotten, then what a top-level assignment of a
    /// non-negative constant or increment of a bounded non-negative variable proves is added.</summary>
    public static void Transfer(Dictionary<ISymbol, ValueFact> facts, IOperation operation)
    {
        var generated = Generated(facts, operation);
        Kill(facts, operation);
        if (generated is var (symbol, fact)) facts[symbol] = fact;
    }

    /// <summary>The fact a statement <c>x = c</c> (c ≥ 0) or <c>x++</c>/<c>x += k</c> (x non-negative and bounded, no
    /// overflow possible) establishes, computed from the facts before it.</summary>
    public static (ISymbol, ValueFact)? Generated(Dictionary<ISymbol, ValueFact> facts, IOperation operation)
    {
        if (operation is IExpressionStatementOperation statement) operation = statement.Operation;
        var (target, step) = operation switch
        {
            ISimpleAssignmentOperation { IsRef: false } assignment => (assignment.Target, (long?)null),
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, IsChecked: false } increment => (increment.Target, 1L),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } compound
                when ScalarType.ConstantBits(compound.Value.ConstantValue.Value) is long k && k > 0 && compound.Value.ConstantValue.HasValue => (compound.Target, k),
            _ => (null, null),
        };
        if (target is null || Variable(target is IDeclarationExpressionOperation declaration ? declaration.Expression : target) is not { } symbol
            || ScalarType.Of(target.Type) is not { Signed: true } type)
            return null;
        long max = type.Bits == 64 ? long.MaxValue : (1L << (type.Bits - 1)) - 1;
        if (step is null)
        {
            var value = ((ISimpleAssignmentOperation)operation).Value;
            if (!value.ConstantValue.HasValue || ScalarType.ConstantBits(value.ConstantValue.Value) is not long c || c < 0 || c >= max) return null;
            return (symbol, new ValueFact(c != 0, true, (ulong)c + 1, true, c + 1));
        }
        if (!facts.TryGetValue(symbol, out var before) || !before.NonNegative || before.Bound > (ulong)max) return null;
        long bound = (long)before.Bound;
        if (bound - 1 > max - step.Value) return null;
        return (symbol, new ValueFact(true, true, (ulong)(bound + step.Value), true, bound + step.Value));
    }

    /// <summary>Removes what <paramref name="operation"/> may assign.</summary>
    public static void Kill(Dictionary<ISymbol, ValueFact> facts, IOperation operation)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            var target = descendant switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is null) continue;
            // Only the variable itself (or a tuple of variables) is written: an index inside the target is only read.
            foreach (var written in target is ITupleOperation tuple ? tuple.Elements : [target])
                if (Variable(written is IDeclarationExpressionOperation declaration ? declaration.Expression : written) is { } symbol)
                    facts.Remove(symbol);
        }
    }

    /// <summary>What the facts say about <paramref name="operand"/> (a local or parameter, through widening or
    /// same-width conversions).</summary>
    public ValueFact About(Dictionary<ISymbol, ValueFact> facts, IOperation operand) =>
        Variable(Unwrap(operand)) is { } symbol && !aliased.Contains(symbol) && facts.TryGetValue(symbol, out var fact) ? fact : ValueFact.None;

    /// <summary>The exclusive bound the facts prove for the bits of <paramref name="index"/> read as unsigned (through
    /// same-width reinterpretations: <c>f[(int)i]</c> with <c>uint i</c> bounded by the loop's <c>i &lt; N</c>).</summary>
    public ulong BoundOf(Dictionary<ISymbol, ValueFact> facts, IOperation index) =>
        Variable(UnwrapBits(index)) is { } symbol && !aliased.Contains(symbol) && facts.TryGetValue(symbol, out var fact) ? fact.Bound : ulong.MaxValue;

    /// <summary>Strips implicit conversions, which keep an integer's value.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true, Operand: var operand } && ScalarType.Of(operand.Type) is not null)
            operation = operand;
        return operation;
    }

    /// <summary>Strips conversions that keep an integer's bits: implicit ones and same-width reinterpretations
    /// (<c>(uint)i</c>), so that <c>(uint)i &lt; N</c> bounds <c>i</c>.</summary>
    static IOperation UnwrapBits(IOperation operation)
    {
        while (operation is IConversionOperation { Operand: var operand } conversion && ScalarType.Of(operand.Type) is { } from
            && ScalarType.Of(conversion.Type) is { } to && (conversion.IsImplicit || from.Bits == to.Bits))
            operation = operand;
        return operation;
    }

    static ISymbol? Variable(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    static ISymbol? ReferenceTaken(IOperation operation) => operation switch
    {
        IAddressOfOperation address => Variable(address.Reference),
        IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => Variable(argument.Value),
        ISimpleAssignmentOperation { IsRef: true } assignment => Variable(assignment.Value),
        _ => null,
    };

    static IEnumerable<IOperation> OperationsOf(BasicBlock block) =>
        block.BranchValue is { } branch ? [.. block.Operations, branch] : block.Operations;

    const int MaximumPasses = 64;

    /// <summary>The meet of the facts on <paramref name="block"/>'s incoming edges computed so far; null if none is.</summary>
    static Dictionary<ISymbol, ValueFact>? Join(BasicBlock block, Dictionary<(int From, bool Conditional), Dictionary<ISymbol, ValueFact>> edges)
    {
        Dictionary<ISymbol, ValueFact>? joined = null;
        foreach (var branch in block.Predecessors)
        {
            if (!edges.TryGetValue((branch.Source.Ordinal, ReferenceEquals(branch, branch.Source.ConditionalSuccessor)), out var facts)) continue;
            if (joined is null)
            {
                joined = new(facts, SymbolEqualityComparer.Default);
                continue;
            }
            foreach (var symbol in joined.Keys.ToList())
            {
                var meet = joined[symbol].Meet(facts.TryGetValue(symbol, out var fact) ? fact : ValueFact.None);
                if (meet == ValueFact.None) joined.Remove(symbol);
                else joined[symbol] = meet;
            }
        }
        return joined;
    }

    /// <summary>Stores an edge's facts; true if they changed.</summary>
    static bool Update(Dictionary<(int From, bool Conditional), Dictionary<ISymbol, ValueFact>> edges, (int, bool) edge, Dictionary<ISymbol, ValueFact> facts)
    {
        if (edges.TryGetValue(edge, out var old) && old.Count == facts.Count
            && old.All(pair => facts.TryGetValue(pair.Key, out var fact) && fact == pair.Value))
            return false;
        edges[edge] = facts;
        return true;
    }

    /// <summary>The facts after <paramref name="condition"/> evaluated to <paramref name="outcome"/>.</summary>
    static Dictionary<ISymbol, ValueFact> With(Dictionary<ISymbol, ValueFact> facts, IOperation condition, bool outcome, HashSet<ISymbol> aliased)
    {
        var result = new Dictionary<ISymbol, ValueFact>(facts, SymbolEqualityComparer.Default);
        if (Learn(condition, outcome) is ({ } symbol, var fact) && fact != ValueFact.None && !aliased.Contains(symbol))
            result[symbol] = (result.TryGetValue(symbol, out var known) ? known : ValueFact.None).With(fact);
        return result;
    }

    static (ISymbol? Symbol, ValueFact Fact) Learn(IOperation condition, bool outcome)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand }:
                return Learn(operand, !outcome);
            case IBinaryOperation { OperatorMethod: null } binary:
                bool unsigned = ScalarType.Of(binary.LeftOperand.Type) is { Signed: false };
                if (binary.RightOperand.ConstantValue is { HasValue: true } right)
                    return Compared(binary.LeftOperand, binary.OperatorKind, ScalarType.ConstantBits(right.Value), unsigned, outcome);
                if (binary.LeftOperand.ConstantValue is { HasValue: true } left)
                    return Compared(binary.RightOperand, Mirror(binary.OperatorKind), ScalarType.ConstantBits(left.Value), unsigned, outcome);
                return (null, ValueFact.None);
            case IIsPatternOperation { Value: var value, Pattern: var pattern } when Variable(Unwrap(value)) is { } variable:
                return (variable, FromPattern(pattern, ScalarType.Of(value.Type) is { Signed: false }, outcome));
            default:
                return (null, ValueFact.None);
        }
    }

    /// <summary>Facts about the variable behind <paramref name="operand"/>: value facts through value-keeping conversions,
    /// unsigned bounds also through same-width reinterpretations.</summary>
    static (ISymbol? Symbol, ValueFact Fact) Compared(IOperation operand, BinaryOperatorKind kind, long? constant, bool unsigned, bool outcome)
    {
        if (Variable(Unwrap(operand)) is { } variable) return (variable, FromComparison(kind, constant, unsigned, outcome));
        if (unsigned && Variable(UnwrapBits(operand)) is { } reinterpreted)
            return (reinterpreted, ValueFact.None with { Below = FromComparison(kind, constant, unsigned, outcome).Below });
        return (null, ValueFact.None);
    }

    static ValueFact FromPattern(IPatternOperation pattern, bool unsigned, bool outcome) => pattern switch
    {
        IConstantPatternOperation constant => FromComparison(BinaryOperatorKind.Equals, ScalarType.ConstantBits(constant.Value.ConstantValue.Value), unsigned, outcome),
        IRelationalPatternOperation relational => FromComparison(relational.OperatorKind, ScalarType.ConstantBits(relational.Value.ConstantValue.Value), unsigned, outcome),
        INegatedPatternOperation negated => FromPattern(negated.Pattern, unsigned, !outcome),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both when outcome =>
            FromPattern(both.LeftPattern, unsigned, true).With(FromPattern(both.RightPattern, unsigned, true)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either when !outcome =>
            FromPattern(either.LeftPattern, unsigned, false).With(FromPattern(either.RightPattern, unsigned, false)),
        _ => ValueFact.None,
    };

    static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>What <c>x kind c</c> being <paramref name="outcome"/> proves, reasoning on mathematical values (an
    /// unsigned constant above long.MaxValue, whose bits read as negative, teaches nothing).</summary>
    static ValueFact FromComparison(BinaryOperatorKind kind, long? constant, bool unsigned, bool outcome)
    {
        if (constant is not long c || unsigned && c < 0) return ValueFact.None;
        if (!outcome)
        {
            kind = kind switch
            {
                BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
                BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
                _ => BinaryOperatorKind.None,
            };
        }
        // The set of x that satisfies the comparison; a fact holds when 0 (or -1) is outside it.
        bool Excludes(long v) => kind switch
        {
            BinaryOperatorKind.Equals => v != c,
            BinaryOperatorKind.NotEquals => v == c,
            BinaryOperatorKind.LessThan => v >= c,
            BinaryOperatorKind.LessThanOrEqual => v > c,
            BinaryOperatorKind.GreaterThan => v <= c,
            BinaryOperatorKind.GreaterThanOrEqual => v < c,
            _ => false,
        };
        long upper = kind switch
        {
            BinaryOperatorKind.LessThan => c,
            BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.Equals when c < long.MaxValue => c + 1,
            _ => long.MaxValue,
        };
        bool nonNegative = !unsigned && kind switch
        {
            BinaryOperatorKind.GreaterThan => c >= -1,
            BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals => c >= 0,
            _ => false,
        };
        return unsigned
            ? new ValueFact(Excludes(0), Excludes(-1), upper == long.MaxValue ? ulong.MaxValue : (ulong)upper)
            : new ValueFact(Excludes(0), Excludes(-1), ulong.MaxValue, nonNegative, upper);
    }
}
