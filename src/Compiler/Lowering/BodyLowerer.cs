using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>Lowers one entry method and everything inlined into it. One instance per <see cref="MethodLowerer.Lower"/>.
/// The parts: this file walks control-flow graphs; the others lower values, operators, conditions, calls and memory.</summary>
internal sealed partial class BodyLowerer : ILoweringContext
{
    readonly IMethodSymbol entry;
    readonly CancellationToken cancellationToken;
    readonly List<DiagnosticInfo> diagnostics = [];
    readonly HashSet<(string, int, int, string)> reported = [];
    readonly List<IMethodSymbol> inlining = [];
    readonly Dictionary<IMethodSymbol, bool> acceptedBodies = new(SymbolEqualityComparer.Default);
    readonly List<(int Block, SyntaxNode Syntax)> blockSyntax = [];
    readonly List<(int Block, SyntaxNode Syntax)> throwingBlocks = [];
    readonly List<IMethodSymbol> subprograms = [];
    readonly bool loopBody;
    FunctionBuilder builder = null!;
    Frame frame = null!;
    Dictionary<FactKey, ValueFact> facts = [];
    List<Dictionary<FactKey, ValueFact>> paths = [];

    /// <param name="entry">The method to lower.</param>
    /// <param name="compilation">Its compilation.</param>
    /// <param name="loopBody">Lower <paramref name="entry"/> as a <c>bpf_loop</c> body: its <c>ref</c> parameter is the
    /// context pointer the helper passes in r2, which points into the caller's stack.</param>
    /// <param name="cancellationToken">Cancels the lowering.</param>
    public BodyLowerer(IMethodSymbol entry, Compilation compilation, bool loopBody, CancellationToken cancellationToken)
    {
        this.entry = entry;
        this.loopBody = loopBody;
        Compilation = compilation;
        this.cancellationToken = cancellationToken;
    }

    public Compilation Compilation { get; }

    public FunctionBuilder Builder => builder;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

    /// <summary>The methods this one asked to have compiled as subprograms (<c>bpf_loop</c> bodies), each once.</summary>
    public IReadOnlyList<IMethodSymbol> Subprograms => subprograms;

    /// <summary>Lowers the entry method whose declaration is <paramref name="syntax"/>; null when it cannot be lowered.</summary>
    public IrFunction? LowerEntry(SyntaxNode syntax)
    {
        builder = new FunctionBuilder(entry.Name, entry.Parameters.Length);
        if (entry.Parameters.Length > 5)
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, syntax,
                $"'{entry.Name}' has {entry.Parameters.Length} parameters, and eBPF functions take at most 5: pass a struct by reference");
        if (Graph(entry, syntax) is not { } graph || !AcceptBody(entry, graph.OriginalOperation)) return null;
        if (diagnostics.Count > 0) return null;

        frame = new Frame(entry, graph);
        for (int i = 0; i < entry.Parameters.Length; i++)
        {
            var parameter = entry.Parameters[i];
            if (i == 0 && IsContextStruct(parameter))
            {
                // The context register points at the struct (a tracepoint's record, a raw tracepoint's u64 arguments,
                // pt_regs): its fields are loads at constant offsets from the unmodified v0, which is all the verifier allows.
                frame.Parameters[parameter] = new MemoryLocation(new VReg(i), 0, PointerKind.Context, parameter.Type);
                ReportContextWrites(parameter, graph.OriginalOperation);
                continue;
            }
            if (i == 0 && parameter.RefKind == RefKind.None && parameter.Type is IPointerTypeSymbol { PointedAtType: var pointee } && IsContextStructType(pointee))
            {
                // The pointer form of the same context: r1 is that pointer.
                frame.Parameters[parameter] = new RegisterLocation(new VReg(i), parameter.Type, PointerKind.Context);
                ReportContextWrites(parameter, graph.OriginalOperation);
                continue;
            }
            if (loopBody && i == 1 && parameter.RefKind == RefKind.Ref)
            {
                // bpf_loop passes the caller's callback_ctx: a stack pointer from another frame, read and written in place.
                frame.Parameters[parameter] = new MemoryLocation(new VReg(i), 0, PointerKind.Stack, parameter.Type);
                continue;
            }
            if (parameter.RefKind != RefKind.None || ScalarType.Of(parameter.Type) is null && parameter.Type.IsValueType && !IntrinsicHook.IsIntrinsic(parameter.Type))
            {
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedType, parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) ?? syntax,
                    $"parameter {parameter.Name}");
                continue;
            }
            Location location = ScalarType.Of(parameter.Type) is not null
                ? new RegisterLocation(new VReg(i), parameter.Type)
                : new RegisterLocation(new VReg(i), parameter.Type, PointerKind.Context);
            frame.Parameters[parameter] = location;
        }
        CollectAddressTaken(frame);
        foreach (var parameter in entry.Parameters)
            if (frame.AddressTaken.Contains(parameter) && frame.Parameters.TryGetValue(parameter, out var incoming) && incoming is RegisterLocation { Kind: null })
            {
                var slot = NewSlotLocation(parameter.Type, parameter.Name);
                Write(slot, Read(incoming));
                frame.Parameters[parameter] = slot;
            }
        LowerGraph();
        if (diagnostics.Count > 0) return null;
        var reachable = builder.Reachable();
        foreach (var (block, at) in throwingBlocks)
            if (reachable[block]) Report(Sharp.Bpf.Compiler.Diagnostics.ExceptionUse, at, at.ToString());
        foreach (int block in builder.BlocksThatNeverReturn())
        {
            var at = blockSyntax.FirstOrDefault(b => b.Block == block).Syntax;
            if (at is null) continue;
            at = at.AncestorsAndSelf().FirstOrDefault(node => node is Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax) ?? at;
            Report(Sharp.Bpf.Compiler.Diagnostics.UnboundedLoop, at, at.ToString());
            break;
        }
        return diagnostics.Count > 0 ? null : builder.Build();
    }

    /// <summary>The CFG of a method body (block or expression bodied), or null with a diagnostic.</summary>
    ControlFlowGraph? Graph(IMethodSymbol method, SyntaxNode syntax)
    {
        var model = Compilation.GetSemanticModel(syntax.SyntaxTree);
        var operation = model.GetOperation(syntax, cancellationToken);
        while (operation?.Parent is not null) operation = operation.Parent;
        ControlFlowGraph? graph = operation switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
            _ => null,
        };
        if (graph is null)
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedCall, syntax, method.ToDisplayString());
        return graph;
    }

    /// <summary>Lowers the current frame's graph into the builder, starting from its current block.</summary>
    void LowerGraph()
    {
        var graph = frame.Graph;
        frame.Facts = ValueFacts.Compute(graph);
        LowerFallThrough(graph.Blocks[0].FallThroughSuccessor!, null);
        foreach (var block in graph.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (block.Kind != BasicBlockKind.Block || !block.IsReachable || DisposesSpanEnumerator(block)) continue;
            builder.SetCurrent(BlockFor(block));
            facts = frame.Facts.AtEntry(block.Ordinal);
            paths = frame.Facts.PathsAtEntry(block.Ordinal);
            foreach (var operation in block.Operations)
            {
                SetLine(operation.Syntax);
                RecordBlockSyntax(operation.Syntax);
                var generated = ValueFacts.Generated(facts, operation);
                ValueFacts.Kill(facts, operation);
                LowerStatement(operation);
                if (generated is var (symbol, fact)) facts[symbol] = fact;
                foreach (var path in paths) ValueFacts.Transfer(path, operation);
                if (!builder.IsOpen) builder.SetCurrent(builder.NewBlock());
            }
            LowerBlockEnd(block);
        }
    }

    int BlockFor(BasicBlock block)
    {
        if (frame.Blocks[block.Ordinal] < 0) frame.Blocks[block.Ordinal] = builder.NewBlock();
        return frame.Blocks[block.Ordinal];
    }

    void LowerStatement(IOperation operation)
    {
        switch (operation)
        {
            case IFlowCaptureOperation capture:
                if (!StartEnumeration(capture)) Capture(capture);
                break;
            case IExpressionStatementOperation statement:
                Lower(statement.Operation);
                break;
            default:
                Lower(operation);
                break;
        }
    }

    void Capture(IFlowCaptureOperation capture)
    {
        var type = capture.Value.Type;
        bool structVariable = ScalarType.Of(type) is null && type is { IsValueType: true } && !IntrinsicHook.IsIntrinsic(type);
        if ((structVariable && IsVariable(capture.Value) || frame.WrittenCaptures.Contains(capture.Id))
            && !frame.Captures.ContainsKey(capture.Id) && LowerLocation(capture.Value) is { } alias)
        {
            frame.Captures[capture.Id] = alias;
            return;
        }
        var value = Lower(capture.Value);
        if (!frame.Captures.TryGetValue(capture.Id, out var location))
        {
            location = FreshLocationFor(value, "capture");
            frame.Captures[capture.Id] = location;
        }
        Write(location, value);
    }

    static bool IsVariable(IOperation operation) => operation switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } => IsVariable(instance),
        _ => false,
    };

    void LowerBlockEnd(BasicBlock block)
    {
        if (block.BranchValue is { } value) SetLine(value.Syntax);
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            LowerFallThrough(block.FallThroughSuccessor!, block.BranchValue);
            return;
        }
        int jump = EdgeBlock(block.ConditionalSuccessor!);
        int fallThrough = EdgeBlock(block.FallThroughSuccessor!);
        if (block.ConditionKind == ControlFlowConditionKind.WhenTrue) LowerCondition(block.BranchValue!, jump, fallThrough);
        else LowerCondition(block.BranchValue!, fallThrough, jump);
    }

    /// <summary>The block that continues along <paramref name="branch"/> (a new one when the edge itself does something).</summary>
    int EdgeBlock(ControlFlowBranch branch)
    {
        if (branch.Semantics == ControlFlowBranchSemantics.Regular && branch.Destination is { Kind: BasicBlockKind.Block } destination)
            return BlockFor(destination);
        int saved = builder.CurrentBlock;
        int edge = builder.NewBlock();
        builder.SetCurrent(edge);
        LowerFallThrough(branch, null);
        if (!builder.IsEnded(saved)) builder.SetCurrent(saved);
        return edge;
    }

    void LowerFallThrough(ControlFlowBranch branch, IOperation? branchValue)
    {
        switch (branch.Semantics)
        {
            case ControlFlowBranchSemantics.Regular when branch.Destination is { Kind: BasicBlockKind.Exit }:
                LowerReturn(null);
                break;
            case ControlFlowBranchSemantics.Regular:
                builder.Jump(BlockFor(branch.Destination!));
                break;
            case ControlFlowBranchSemantics.Return:
                LowerReturn(branchValue);
                break;
            case ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow:
                // Explicit throws were rejected before lowering; this is a switch expression's no-match arm, an error only
                // if some path still reaches it once constant and discard patterns have been lowered.
                throwingBlocks.Add((builder.CurrentBlock, branchValue?.Syntax ?? frame.Graph.OriginalOperation.Syntax));
                builder.Terminate(new Return(new Imm(0)));
                break;
            default:
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, branchValue?.Syntax ?? frame.Graph.OriginalOperation.Syntax,
                    $"control flow of kind {branch.Semantics} cannot be compiled to eBPF: use if, loops and return");
                builder.Terminate(new Return(new Imm(0)));
                break;
        }
    }

    void LowerReturn(IOperation? value)
    {
        if (frame.Continuation < 0)
        {
            Operand result = new Imm(0);
            if (value is not null)
            {
                var lowered = Lower(value);
                result = lowered switch
                {
                    ScalarValue scalar => scalar.Operand,
                    _ => PoisonOperand(value, $"returning '{value.Syntax}' from a program: return an integer or an enum"),
                };
            }
            builder.Terminate(new Return(result));
            return;
        }
        if (value is not null)
        {
            var lowered = Lower(value);
            if (lowered is ReferenceValue reference) lowered = Read(reference.Target);
            frame.Result ??= FreshLocationFor(lowered, frame.Method.Name);
            Write(frame.Result, lowered);
        }
        builder.Jump(frame.Continuation);
    }

    void RecordBlockSyntax(SyntaxNode syntax)
    {
        if (blockSyntax.Count == 0 || blockSyntax[^1].Block != builder.CurrentBlock) blockSyntax.Add((builder.CurrentBlock, syntax));
    }

    void SetLine(SyntaxNode syntax)
    {
        var span = syntax.GetLocation().GetLineSpan();
        var lines = syntax.SyntaxTree.GetText(cancellationToken).Lines;
        int line = span.StartLinePosition.Line;
        string text = line < lines.Count ? lines[line].ToString().Trim() : syntax.ToString();
        builder.CurrentLine = builder.AddLine(new IrSourceLine(span.Path ?? "", line + 1, span.StartLinePosition.Character + 1, text));
    }

    /// <summary>Whether <paramref name="parameter"/> is a struct the context register points to: an unmanaged struct with a
    /// layout, received <c>in</c>, <c>ref readonly</c> or by value.</summary>
    static bool IsContextStruct(IParameterSymbol parameter) =>
        parameter.RefKind is RefKind.None or RefKind.In or RefKind.RefReadOnlyParameter && IsContextStructType(parameter.Type);

    /// <summary>Whether the context register can point to a <paramref name="type"/>: a struct the program declares, or one of
    /// the Sharp.Bpf.Kernel structs that mirror a kernel context (<c>PtRegs</c>, <c>RawTracepointArguments</c>).</summary>
    static bool IsContextStructType(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Struct && ScalarType.Of(type) is null
        && (!IntrinsicHook.IsIntrinsic(type) || Intrinsics.ContextFields.IsKernelContextStruct(type))
        && TypeLayout.Of(type).Shape is StructShape;

    /// <summary>Reports every write to the context struct <paramref name="parameter"/> or its fields: the kernel's copy of the
    /// arguments is read-only, and a by-value parameter is that copy, not one of the program's own.</summary>
    void ReportContextWrites(IParameterSymbol parameter, IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            var written = operation switch
            {
                ISimpleAssignmentOperation { IsRef: false } assignment => assignment.Target,
                ICompoundAssignmentOperation compound => compound.Target,
                ICoalesceAssignmentOperation coalesce => coalesce.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            if (written is null) continue;
            foreach (var target in written is ITupleOperation tuple ? tuple.Elements : [written])
            {
                var root = target;
                while (root switch { IFieldReferenceOperation field => field.Instance, IInlineArrayAccessOperation element => element.Instance, _ => PointerIndirection(root) } is { } instance)
                    root = instance;
                if (root is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                    Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, target,
                        $"'{operation.Syntax}' writes to '{parameter.Name}', the program's context, which is read-only: copy the field to a local and change that");
            }
        }
    }

    /// <summary>Finds the locals and parameters that must live in memory: their address is taken with <c>&amp;</c>.</summary>
    static void CollectAddressTaken(Frame frame)
    {
        foreach (var operation in frame.Graph.OriginalOperation.DescendantsAndSelf())
            if (operation is IAddressOfOperation { Reference: var reference })
            {
                var root = reference;
                while (root is IFieldReferenceOperation { Instance: { } instance }) root = instance;
                if (root is ILocalReferenceOperation local) frame.AddressTaken.Add(local.Local);
                if (root is IParameterReferenceOperation parameter) frame.AddressTaken.Add(parameter.Parameter);
            }
    }

    // ---- diagnostics ----

    public void Report(DiagnosticDescriptor descriptor, IOperation at, string argument) => Report(descriptor, at.Syntax, argument);

    void Report(DiagnosticDescriptor descriptor, SyntaxNode at, string argument)
    {
        var location = at.GetLocation();
        if (!reported.Add((location.SourceTree?.FilePath ?? "", location.SourceSpan.Start, location.SourceSpan.Length, descriptor.Id))) return;
        diagnostics.Add(new DiagnosticInfo(descriptor.Id, SourceSpan.From(location), argument));
    }

    public LoweredValue Poison(ITypeSymbol type) => new ScalarValue(new Imm(0), type);

    Operand PoisonOperand(IOperation at, string message)
    {
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, at, message);
        return new Imm(0);
    }

    LoweredValue Unsupported(IOperation operation, string what)
    {
        Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, operation, what);
        return Poison(operation.Type ?? Compilation.GetSpecialType(SpecialType.System_Int32));
    }

    // ---- ILoweringContext ----

    public int SizeOf(ITypeSymbol type) => TypeLayout.Of(type).Shape?.Size ?? 0;

    public StackLocation NewStackObject(ITypeSymbol type, int size, int alignment, string name)
    {
        int slot = builder.NewStackSlot(size, alignment, name);
        var location = new StackLocation(slot, 0, type);
        ZeroAtEntry(slot, size);
        return location;
    }

    public string AddSubprogram(IMethodSymbol method)
    {
        if (!subprograms.Contains(method, SymbolEqualityComparer.Default)) subprograms.Add(method);
        return method.Name;
    }

    public VReg StackAddress(StackLocation location)
    {
        var register = builder.NewRegister();
        builder.Emit(new Ir.StackAddress(register, location.Slot, location.Offset));
        return register;
    }

    public StackLocation Materialize(LoweredValue value, string name)
    {
        if (value is StackValue stack) return new StackLocation(stack.Slot, stack.Offset, stack.Type);
        var location = NewSlotLocation(value.Type, name);
        Write(location, value);
        return location;
    }
}
