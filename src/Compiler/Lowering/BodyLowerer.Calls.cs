using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Lowering.Intrinsics;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>An argument already lowered (a property setter's value), passed where an operation is expected.</summary>
internal sealed record LoweredArgument(LoweredValue Value);

// Calls: kernel members go to the intrinsics; static and struct methods of this compilation are inlined.
internal sealed partial class BodyLowerer
{
    LoweredValue LowerInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IntrinsicHook.IsIntrinsic(method))
        {
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerInvocation(invocation, this, out var value))
                    return value ?? Poison(invocation.Type ?? Compilation.GetSpecialType(SpecialType.System_Int32));
            Report(Sharp.Bpf.Compiler.Diagnostics.KernelMemberNotSupported, invocation, method.ToDisplayString());
            return Poison(invocation.Type ?? Compilation.GetSpecialType(SpecialType.System_Int32));
        }
        if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface
            || !method.IsStatic && method.ContainingType is { IsValueType: false })
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.ReferenceTypeUse, invocation, invocation.Syntax.ToString());
            return Poison(invocation.Type ?? Compilation.GetSpecialType(SpecialType.System_Int32));
        }
        var arguments = invocation.Arguments.Select(a => (a.Parameter!, (object)a.Value)).ToList();
        return InlineCall(method, invocation.Instance, arguments, invocation);
    }

    LoweredValue LowerPropertyRead(IPropertyReferenceOperation property)
    {
        if (IntrinsicHook.IsIntrinsic(property.Property))
        {
            foreach (var lowerer in IntrinsicHook.Lowerers)
                if (lowerer.TryLowerPropertyRead(property, this, out var value) && value is not null) return value;
            Report(Sharp.Bpf.Compiler.Diagnostics.KernelMemberNotSupported, property, property.Property.ToDisplayString());
            return Poison(property.Type!);
        }
        if (AutoPropertyLocation(property, out var backing)) return backing is null ? Poison(property.Type!) : Read(backing);
        if (property.Property.GetMethod is not { } getter || property.Arguments.Length > 0)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedCall, property, property.Property.ToDisplayString());
            return Poison(property.Type!);
        }
        return InlineCall(getter, property.Instance, [], property);
    }

    /// <summary>An auto-property of a struct in this compilation is its backing field (its accessors have no body to inline).
    /// False when the property is not an auto-property; the location is null when it could not be lowered (reported).</summary>
    bool AutoPropertyLocation(IPropertyReferenceOperation property, out Location? location)
    {
        location = null;
        var backingField = property.Property.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(field => field.IsImplicitlyDeclared && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property.Property));
        if (backingField is null || IntrinsicHook.IsIntrinsic(property.Property)) return false;
        if (backingField.IsStatic)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedStaticField, property, property.Property.Name);
            return true;
        }
        if (property.Instance is null) return true;
        var instance = IsVariable(property.Instance) || property.Instance is IFieldReferenceOperation || PointerIndirection(property.Instance) is not null
            ? LowerLocation(property.Instance)
            : Materialize(Lower(property.Instance), "this");
        if (instance is not null) location = FieldOf(instance, backingField, property);
        return true;
    }

    /// <summary>Inlines a call: binds parameters (by value: copied; <c>ref</c>/<c>in</c>/<c>out</c>: the argument's
    /// location), lowers the callee's graph in a new frame, and continues after it.</summary>
    LoweredValue InlineCall(IMethodSymbol method, IOperation? instance, List<(IParameterSymbol Parameter, object Argument)> arguments, IOperation at,
        Location? receiver = null)
    {
        var resultType = method.ReturnsVoid ? Compilation.GetSpecialType(SpecialType.System_Int32) : method.ReturnType;
        var definition = method.OriginalDefinition;
        if (inlining.Any(m => SymbolEqualityComparer.Default.Equals(m, definition)) || SymbolEqualityComparer.Default.Equals(definition, entry.OriginalDefinition))
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.Recursion, at, method.ToDisplayString());
            return Poison(resultType);
        }
        if (method.IsGenericMethod || method.ContainingType is { IsGenericType: true })
            return Unsupported(at, $"'{method.ToDisplayString()}' is generic: eBPF code inlines calls of non-generic methods; write a non-generic overload");
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            return Unsupported(at, $"'{method.ToDisplayString()}' returns by reference: return the value, or take a ref parameter");
        if (method.IsAsync || method.IsExtern)
        {
            Report(method.IsAsync ? Sharp.Bpf.Compiler.Diagnostics.AsyncUse : Sharp.Bpf.Compiler.Diagnostics.UnsupportedCall, at, method.ToDisplayString());
            return Poison(resultType);
        }
        var syntax = definition.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        if (syntax is null || !Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedCall, at, method.ToDisplayString());
            return Poison(resultType);
        }
        if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: { } arrow }) syntax = arrow;
        if (Graph(method, syntax) is not { } graph || !AcceptBody(method, graph.OriginalOperation)) return Poison(resultType);

        // Bind the receiver and the arguments in the caller's frame.
        Location? self = receiver;
        if (self is null && !method.IsStatic && instance is not null)
        {
            self = IsVariable(instance) || instance is IFieldReferenceOperation || PointerIndirection(instance) is not null
                ? LowerLocation(instance)
                : Materialize(Lower(instance), "this");
            if (self is null) return Poison(resultType);
            self = Pinned(self);
        }
        var parameters = new Dictionary<IParameterSymbol, Location>(SymbolEqualityComparer.Default);
        foreach (var (parameter, argument) in arguments)
        {
            var target = parameter.OriginalDefinition;
            if (parameter.RefKind is RefKind.Ref or RefKind.Out or RefKind.RefReadOnlyParameter
                || parameter.RefKind == RefKind.In && argument is IOperation inArgument && IsVariable(inArgument))
            {
                var location = argument is IOperation operation ? LowerLocation(operation) : null;
                if (location is null) return Poison(resultType);
                parameters[target] = Pinned(location);
                continue;
            }
            var value = argument is LoweredArgument lowered ? lowered.Value : Lower((IOperation)argument);
            if (value is ReferenceValue reference) value = Read(reference.Target);
            var copy = ScalarType.Of(parameter.Type) is not null && !AddressTakenIn(graph, parameter)
                ? (Location)new RegisterLocation(builder.NewRegister(), parameter.Type, value is PointerValue p ? p.Kind : null)
                : value is ScalarValue or StackValue ? NewSlotLocation(parameter.Type, parameter.Name) : FreshLocationFor(value, parameter.Name);
            Write(copy, value);
            parameters[target] = copy;
        }

        Location? result = method.ReturnsVoid ? null : NewLocation(method.ReturnType, method.Name, inMemory: false);
        int continuation = builder.NewBlock();
        var caller = frame;
        var callerFacts = facts;
        var callerPaths = paths;
        var callee = new Frame(method, graph) { This = self, Continuation = continuation, Result = result };
        frame = callee;
        foreach (var (parameter, location) in parameters) frame.Parameters[parameter] = location;
        CollectAddressTaken(frame);
        inlining.Add(definition);
        try
        {
            LowerGraph();
        }
        finally
        {
            inlining.RemoveAt(inlining.Count - 1);
            frame = caller;
            facts = callerFacts;
            paths = callerPaths;
        }
        builder.SetCurrent(continuation);
        return callee.Result is { } returned ? Read(returned) : Poison(resultType);
    }

    static bool AddressTakenIn(Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph graph, IParameterSymbol parameter) =>
        graph.OriginalOperation.DescendantsAndSelf().Any(o => o is IAddressOfOperation { Reference: IParameterReferenceOperation reference }
            && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter.OriginalDefinition));

    LoweredValue LowerObjectCreation(IObjectCreationOperation creation)
    {
        var type = creation.Type!;
        if (!type.IsValueType)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.HeapAllocation, creation, creation.Syntax.ToString());
            return Poison(type);
        }
        if (IntrinsicHook.IsIntrinsic(type) && TypeLayout.Of(type).Shape is null)
        {
            Report(Sharp.Bpf.Compiler.Diagnostics.KernelMemberNotSupported, creation, creation.Syntax.ToString());
            return Poison(type);
        }
        if (TypeLayout.Of(type) is { Shape: null, WhyNot: var whyNot })
            return Unsupported(creation, $"'{creation.Syntax}': {whyNot}");
        var location = NewSlotLocation(type, type.Name);
        Zero(location, SizeOf(type));
        if (creation.Constructor is { IsImplicitlyDeclared: false } constructor)
        {
            if (IntrinsicHook.IsIntrinsic(constructor))
            {
                Report(Sharp.Bpf.Compiler.Diagnostics.KernelMemberNotSupported, creation, constructor.ToDisplayString());
                return Poison(type);
            }
            var arguments = creation.Arguments.Select(a => (a.Parameter!, (object)a.Value)).ToList();
            if (constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                LowerPrimaryConstructor(constructor, location, creation);
            else
                InlineConstructor(constructor, location, arguments, creation);
        }
        if (creation.Initializer is { } initializer)
        {
            var saved = implicitReceiver;
            implicitReceiver = location;
            foreach (var member in initializer.Initializers) Lower(member);
            implicitReceiver = saved;
        }
        return new StackValue(location.Slot, location.Offset, type);
    }

    /// <summary>A positional record struct's constructor: each parameter initialises the property of the same name.</summary>
    void LowerPrimaryConstructor(IMethodSymbol constructor, StackLocation target, IObjectCreationOperation creation)
    {
        var type = constructor.ContainingType;
        foreach (var argument in creation.Arguments)
        {
            var backingField = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => !field.IsStatic
                && (field.AssociatedSymbol?.Name ?? field.Name) == argument.Parameter!.Name);
            if (!type.IsRecord || backingField is null)
            {
                Report(Sharp.Bpf.Compiler.Diagnostics.UnsupportedConstruct, creation,
                    $"'{creation.Syntax}' calls a primary constructor whose parameters are not record properties: declare a constructor with a body");
                return;
            }
            var value = Lower(argument.Value);
            if (FieldOf(target, backingField, argument) is { } field) Write(field, value);
        }
    }

    void InlineConstructor(IMethodSymbol constructor, StackLocation target, List<(IParameterSymbol, object)> arguments, IOperation at)
    {
        var saved = implicitReceiver;
        implicitReceiver = null;
        InlineCall(constructor, null, arguments, at, receiver: target);
        implicitReceiver = saved;
    }

    /// <summary>Rejects, at their syntax, constructs the graph lowering cannot express (exceptions, lambdas, heap
    /// allocation, strings, floating point, async). Each body is checked once.</summary>
    bool AcceptBody(IMethodSymbol method, IOperation body)
    {
        if (acceptedBodies.TryGetValue(method.OriginalDefinition, out bool accepted)) return accepted;
        int before = diagnostics.Count;
        if (method.IsAsync || method.IsIterator)
            Report(Sharp.Bpf.Compiler.Diagnostics.AsyncUse, body, method.Name);
        else
            Scan(body);
        accepted = diagnostics.Count == before;
        acceptedBodies[method.OriginalDefinition] = accepted;
        return accepted;
    }

    void Scan(IOperation operation)
    {
        // A Bpf.Loop body is a method group compiled as its own subprogram, not a delegate.
        if (LoopIntrinsics.IsBody(operation)) return;
        if (Rejection(operation) is { } rejection)
        {
            Report(rejection, operation, operation.Syntax.ToString());
            return;
        }
        foreach (var child in operation.ChildOperations) Scan(child);
    }

    DiagnosticDescriptor? Rejection(IOperation operation)
    {
        switch (operation)
        {
            case IThrowOperation or ITryOperation or IUsingOperation or IUsingDeclarationOperation or ILockOperation:
                return Sharp.Bpf.Compiler.Diagnostics.ExceptionUse;
            case IAnonymousFunctionOperation or ILocalFunctionOperation or IDelegateCreationOperation or IMethodReferenceOperation:
                return Sharp.Bpf.Compiler.Diagnostics.DelegateUse;
            case IAwaitOperation or IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                return Sharp.Bpf.Compiler.Diagnostics.AsyncUse;
            case IForEachLoopOperation loop:
                return IteratesInlineArray(loop) ? null : Sharp.Bpf.Compiler.Diagnostics.UnsupportedForeach;
            case IArrayCreationOperation or IAnonymousObjectCreationOperation or ICollectionExpressionOperation:
                return Sharp.Bpf.Compiler.Diagnostics.HeapAllocation;
            case IObjectCreationOperation { Type.IsValueType: false }:
                return Sharp.Bpf.Compiler.Diagnostics.HeapAllocation;
            case IConversionOperation { Type: { IsValueType: false } to, Operand.Type.IsValueType: true } when to is not IPointerTypeSymbol:
                return Sharp.Bpf.Compiler.Diagnostics.HeapAllocation;
            case IInterpolatedStringOperation:
                return InIntrinsicArgument(operation) ? null : Sharp.Bpf.Compiler.Diagnostics.StringUse;
            case ITypeOfOperation or IIsTypeOperation:
                return Sharp.Bpf.Compiler.Diagnostics.ReferenceTypeUse;
        }
        if (operation.Type is { SpecialType: SpecialType.System_String } && !InIntrinsicArgument(operation))
            return Sharp.Bpf.Compiler.Diagnostics.StringUse;
        if (ScalarType.IsFloatingPoint(operation.Type))
            return Sharp.Bpf.Compiler.Diagnostics.FloatingPoint;
        return null;
    }

    /// <summary>Strings and interpolations passed to kernel members (printk formats) are the intrinsics' business.</summary>
    static bool InIntrinsicArgument(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            if (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } } && IntrinsicHook.IsIntrinsic(method))
                return true;
        return false;
    }
}
