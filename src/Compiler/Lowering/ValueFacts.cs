using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>What branches and assignments have proven about a local or parameter: non-zero and not -1 (for divisors), not
/// its type's MinValue (for dividends);
/// non-negative, an exclusive upper bound of its bits read as unsigned (<c>if ((uint)i &lt; N)</c>) and of its signed
/// value (<c>for (int i = 0; i &lt; N; i++)</c>), for indices.</summary>
internal readonly record struct ValueFact(bool NonZero, bool NotMinusOne, ulong Below, bool NonNegative = false, long SignedBelow = long.MaxValue,
    bool NotMinValue = false)
{
    public static ValueFact None { get; } = new(false, false, ulong.MaxValue);

    /// <summary>The exclusive bound of the value's bits read as unsigned.</summary>
    public ulong Bound => NonNegative && SignedBelow > 0 ? Math.Min(Below, (ulong)SignedBelow) : Below;

    /// <summary>What holds on both of two joining paths. A bound that differs is dropped rather than widened to the larger
    /// one, so that loops (whose counter's bound grows each time around) reach a fixed point at once.</summary>
    public ValueFact Meet(ValueFact other) => new(NonZero && other.NonZero, NotMinusOne && other.NotMinusOne,
        Below == other.Below ? Below : ulong.MaxValue, NonNegative && other.NonNegative,
        SignedBelow == other.SignedBelow ? SignedBelow : long.MaxValue, NotMinValue && other.NotMinValue);

    /// <summary>What holds when both facts do.</summary>
    public ValueFact With(ValueFact other) => new(NonZero || other.NonZero, NotMinusOne || other.NotMinusOne, Math.Min(Below, other.Below),
        NonNegative || other.NonNegative, Math.Min(SignedBelow, other.SignedBelow), NotMinValue || other.NotMinValue);
}

/// <summary>A forward data-flow analysis over a method's CFG: what is known about locals and parameters at the start of
/// each block, because every path to it passed a branch that excluded some values and did not assign the variable
/// afterwards. Variables whose address is taken, that are passed <c>ref</c> or <c>out</c>, or that a <c>ref</c> local is
/// bound to are never tracked (<c>in</c> arguments are only read).</summary>
internal sealed class ValueFacts
{
    readonly Dictionary<FactKey, ValueFact>?[] atEntry;
    readonly List<Dictionary<FactKey, ValueFact>>?[] incoming;
    readonly HashSet<ISymbol> aliased;

    ValueFacts(Dictionary<FactKey, ValueFact>?[] atEntry, List<Dictionary<FactKey, ValueFact>>?[] incoming, HashSet<ISymbol> aliased)
    {
        this.atEntry = atEntry;
        this.incoming = incoming;
        this.aliased = aliased;
    }

    /// <summary>The facts at the start of block <paramref name="ordinal"/> (a copy the caller may update).</summary>
    public Dictionary<FactKey, ValueFact> AtEntry(int ordinal) => new(atEntry[ordinal] ?? []);

    /// <summary>The facts of each edge into block <paramref name="ordinal"/> (copies), for a property that holds on every
    /// path for a different reason on each: <c>if (b == 0 || a == int.MinValue &amp;&amp; b == -1) return 0;</c> leaves
    /// <c>a / b</c> with either <c>a != MinValue</c> or <c>b != -1</c>. Empty when unknown.</summary>
    public List<Dictionary<FactKey, ValueFact>> PathsAtEntry(int ordinal) =>
        [.. (incoming[ordinal] ?? []).Select(path => new Dictionary<FactKey, ValueFact>(path))];

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
        var entry = new Dictionary<FactKey, ValueFact>?[graph.Blocks.Length];
        var edges = new Dictionary<(int From, bool Conditional), Dictionary<FactKey, ValueFact>>();
        bool converged = false;
        for (int pass = 0; pass < MaximumPasses && !converged; pass++)
        {
            converged = true;
            foreach (var block in graph.Blocks)
            {
                var facts = block.Ordinal == 0 ? new Dictionary<FactKey, ValueFact>() : Join(block, edges);
                entry[block.Ordinal] = facts;
                if (facts is null) continue;
                var after = new Dictionary<FactKey, ValueFact>(facts);
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
        var incoming = new List<Dictionary<FactKey, ValueFact>>?[graph.Blocks.Length];
        if (!converged)
            for (int i = 0; i < entry.Length; i++) entry[i] = null;
        else
            foreach (var block in graph.Blocks)
            {
                var paths = new List<Dictionary<FactKey, ValueFact>>();
                foreach (var branch in block.Predecessors)
                    if (edges.TryGetValue((branch.Source.Ordinal, ReferenceEquals(branch, branch.Source.ConditionalSuccessor)), out var facts))
                        paths.Add(facts);
                // An edge without facts (unreachable, not computed) would be a path nothing is known about.
                incoming[block.Ordinal] = paths.Count == block.Predecessors.Length ? paths : null;
            }
        return new ValueFacts(entry, incoming, aliased);
    }

    /// <summary>Updates the facts for one statement: what it assigns is forgotten, then what a top-level assignment of a
    /// non-negative constant or increment of a bounded non-negative variable proves is added.</summary>
    public static void Transfer(Dictionary<FactKey, ValueFact> facts, IOperation operation)
    {
        var generated = Generated(facts, operation);
        Kill(facts, operation);
        if (generated is var (symbol, fact)) facts[symbol] = fact;
    }

    /// <summary>The fact a statement <c>x = c</c> (c ≥ 0) or <c>x++</c>/<c>x += k</c> (x non-negative and bounded, no
    /// overflow possible) establishes, computed from the facts before it.</summary>
    public static (FactKey, ValueFact)? Generated(Dictionary<FactKey, ValueFact> facts, IOperation operation)
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

    /// <summary>Removes what <paramref name="operation"/> may assign: a variable or field written, with the fields inside
    /// it and the structs around it; every field of a struct whose property is set or whose mutating method is called.</summary>
    public static void Kill(Dictionary<FactKey, ValueFact> facts, IOperation operation)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            var target = descendant switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IInvocationOperation { TargetMethod.IsReadOnly: false, Instance: { Type.IsValueType: true } instance } => instance,
                _ => null,
            };
            if (target is null) continue;
            // Only the variable itself (or a tuple of variables) is written: an index inside the target is only read.
            foreach (var written in target is ITupleOperation tuple ? tuple.Elements : [target])
            {
                var variable = written is IDeclarationExpressionOperation declaration ? declaration.Expression : written;
                if (variable is IPropertyReferenceOperation { Instance: { } receiver }) variable = receiver;
                if (Variable(variable) is not { } key) continue;
                foreach (var known in facts.Keys.Where(known => known.Overlaps(key)).ToList())
                    facts.Remove(known);
            }
        }
    }

    /// <summary>What the facts say about <paramref name="operand"/> (a local or parameter, through widening or
    /// same-width conversions).</summary>
    public ValueFact About(Dictionary<FactKey, ValueFact> facts, IOperation operand) =>
        Variable(Unwrap(operand)) is { } key && !aliased.Contains(key.Root) && facts.TryGetValue(key, out var fact) ? fact : ValueFact.None;

    /// <summary>The exclusive bound the facts prove for the bits of <paramref name="index"/> read as unsigned (through
    /// same-width reinterpretations: <c>f[(int)i]</c> with <c>uint i</c> bounded by the loop's <c>i &lt; N</c>).</summary>
    public ulong BoundOf(Dictionary<FactKey, ValueFact> facts, IOperation index) =>
        Variable(UnwrapBits(index)) is { } key && !aliased.Contains(key.Root) && facts.TryGetValue(key, out var fact) ? fact.Bound : ulong.MaxValue;

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

    /// <summary>The local or parameter <paramref name="operation"/> is, or the field of one held by value (<c>p.B</c>,
    /// <c>p.Inner.C</c>); null for anything else (memory behind a pointer or reference may change between two reads).</summary>
    static FactKey? Variable(IOperation operation) => operation switch
    {
        ILocalReferenceOperation { Local.IsRef: false } local => new FactKey(local.Local, ""),
        IParameterReferenceOperation { Parameter.RefKind: RefKind.None or RefKind.In } parameter => new FactKey(parameter.Parameter, ""),
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { Type.IsValueType: true } instance } field
            when Variable(instance) is { } outer => new FactKey(outer.Root, outer.Path + "." + field.Field.Name),
        _ => null,
    };

    static ISymbol? ReferenceTaken(IOperation operation) => operation switch
    {
        IAddressOfOperation address => Variable(address.Reference)?.Root,
        // An 'in' argument (a map key, a readonly struct) is only read: the callee cannot change the variable.
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => Variable(argument.Value)?.Root,
        ISimpleAssignmentOperation { IsRef: true } assignment => Variable(assignment.Value)?.Root,
        _ => null,
    };

    static IEnumerable<IOperation> OperationsOf(BasicBlock block) =>
        block.BranchValue is { } branch ? [.. block.Operations, branch] : block.Operations;

    const int MaximumPasses = 64;

    /// <summary>The meet of the facts on <paramref name="block"/>'s incoming edges computed so far; null if none is.</summary>
    static Dictionary<FactKey, ValueFact>? Join(BasicBlock block, Dictionary<(int From, bool Conditional), Dictionary<FactKey, ValueFact>> edges)
    {
        Dictionary<FactKey, ValueFact>? joined = null;
        foreach (var branch in block.Predecessors)
        {
            if (!edges.TryGetValue((branch.Source.Ordinal, ReferenceEquals(branch, branch.Source.ConditionalSuccessor)), out var facts)) continue;
            if (joined is null)
            {
                joined = new(facts);
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
    static bool Update(Dictionary<(int From, bool Conditional), Dictionary<FactKey, ValueFact>> edges, (int, bool) edge, Dictionary<FactKey, ValueFact> facts)
    {
        if (edges.TryGetValue(edge, out var old) && old.Count == facts.Count
            && old.All(pair => facts.TryGetValue(pair.Key, out var fact) && fact == pair.Value))
            return false;
        edges[edge] = facts;
        return true;
    }

    /// <summary>The facts after <paramref name="condition"/> evaluated to <paramref name="outcome"/>.</summary>
    static Dictionary<FactKey, ValueFact> With(Dictionary<FactKey, ValueFact> facts, IOperation condition, bool outcome, HashSet<ISymbol> aliased)
    {
        var result = new Dictionary<FactKey, ValueFact>(facts);
        if (Learn(condition, outcome) is ({ } key, var fact) && fact != ValueFact.None && !aliased.Contains(key.Root))
            result[key] = (result.TryGetValue(key, out var known) ? known : ValueFact.None).With(fact);
        return result;
    }

    static (FactKey? Key, ValueFact Fact) Learn(IOperation condition, bool outcome)
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
                return (variable, FromPattern(pattern, ScalarType.Of(value.Type) is { Signed: false }, outcome, ScalarType.Of(Unwrap(value).Type)));
            default:
                return (null, ValueFact.None);
        }
    }

    /// <summary>Facts about the variable behind <paramref name="operand"/>: value facts through value-keeping conversions,
    /// unsigned bounds also through same-width reinterpretations.</summary>
    static (FactKey? Key, ValueFact Fact) Compared(IOperation operand, BinaryOperatorKind kind, long? constant, bool unsigned, bool outcome)
    {
        if (Variable(Unwrap(operand)) is { } variable)
            return (variable, FromComparison(kind, constant, unsigned, outcome, ScalarType.Of(Unwrap(operand).Type)));
        if (unsigned && Variable(UnwrapBits(operand)) is { } reinterpreted)
            return (reinterpreted, ValueFact.None with { Below = FromComparison(kind, constant, unsigned, outcome).Below });
        return (null, ValueFact.None);
    }

    static ValueFact FromPattern(IPatternOperation pattern, bool unsigned, bool outcome, ScalarType? variable) => pattern switch
    {
        IConstantPatternOperation constant => FromComparison(BinaryOperatorKind.Equals, ScalarType.ConstantBits(constant.Value.ConstantValue.Value), unsigned, outcome, variable),
        IRelationalPatternOperation relational => FromComparison(relational.OperatorKind, ScalarType.ConstantBits(relational.Value.ConstantValue.Value), unsigned, outcome, variable),
        INegatedPatternOperation negated => FromPattern(negated.Pattern, unsigned, !outcome, variable),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both when outcome =>
            FromPattern(both.LeftPattern, unsigned, true, variable).With(FromPattern(both.RightPattern, unsigned, true, variable)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either when !outcome =>
            FromPattern(either.LeftPattern, unsigned, false, variable).With(FromPattern(either.RightPattern, unsigned, false, variable)),
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
    static ValueFact FromComparison(BinaryOperatorKind kind, long? constant, bool unsigned, bool outcome, ScalarType? variable = null)
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
        // MinValue of the variable's own type (the comparison may be on a widened copy of it).
        bool notMinValue = variable is { Signed: true } type && Excludes(type.MinValue);
        return unsigned
            ? new ValueFact(Excludes(0), Excludes(-1), upper == long.MaxValue ? ulong.MaxValue : (ulong)upper)
            : new ValueFact(Excludes(0), Excludes(-1), ulong.MaxValue, nonNegative, upper, notMinValue);
    }
}

/// <summary>What a fact is about: a local or parameter (<see cref="Path"/> empty), or a field of one held by value
/// (<see cref="Path"/> <c>.B</c>, <c>.Inner.C</c>).</summary>
internal readonly struct FactKey(ISymbol root, string path) : IEquatable<FactKey>
{
    public ISymbol Root { get; } = root;

    public string Path { get; } = path;

    /// <summary>Whether writing one changes the other: the same variable, or one a field inside the other.</summary>
    public bool Overlaps(FactKey other) =>
        SymbolEqualityComparer.Default.Equals(Root, other.Root)
        && (Path == other.Path || Path.StartsWith(other.Path + ".", StringComparison.Ordinal) || other.Path.StartsWith(Path + ".", StringComparison.Ordinal));

    public bool Equals(FactKey other) => SymbolEqualityComparer.Default.Equals(Root, other.Root) && Path == other.Path;

    public override bool Equals(object? obj) => obj is FactKey other && Equals(other);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Root) * 31 + StringComparer.Ordinal.GetHashCode(Path);
}
