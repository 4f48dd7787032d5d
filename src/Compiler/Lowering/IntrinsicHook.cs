using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>Lowers members of <c>Sharp.Bpf.Kernel</c> (and <c>System.Buffers.Binary.BinaryPrimitives</c>) that have no C#
/// body to compile: context fields, packet cursors, maps, helpers, globals. Implementations live in Lowering/Intrinsics;
/// <see cref="IntrinsicHook.Lowerers"/> finds every implementation in this assembly (public parameterless constructor),
/// so adding one needs no registration. Each method returns false when the member is not one it knows; the lowering then
/// asks the next one, and reports SBPF0017 (not supported yet) when none knows it. A method that returns true must have
/// reported a diagnostic through <see cref="ILoweringContext.Report"/> if it could not lower the operation.</summary>
internal interface IIntrinsicLowerer
{
    /// <summary>A call (static, instance or extension) of a kernel method. <paramref name="value"/> is the result; for a
    /// method returning void, any value (it is ignored); for a <c>ref</c> return, a <see cref="ReferenceValue"/>.</summary>
    bool TryLowerInvocation(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value);

    /// <summary>A property read (or a <c>ref</c>-returning property: a <see cref="ReferenceValue"/>).</summary>
    bool TryLowerPropertyRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value);

    /// <summary>A property assignment <c>target = value</c> (compound assignments arrive as a read, the operator, and this).</summary>
    bool TryLowerPropertyWrite(IPropertyReferenceOperation property, LoweredValue value, ILoweringContext context);

    /// <summary>A field read: a map or global (static field of the <c>[BpfObject]</c> class) or a kernel type's field.</summary>
    bool TryLowerFieldRead(IFieldReferenceOperation field, ILoweringContext context, out LoweredValue? value);

    /// <summary>A field assignment (globals).</summary>
    bool TryLowerFieldWrite(IFieldReferenceOperation field, LoweredValue value, ILoweringContext context);

    /// <summary>Where a field lives, for <c>ref</c>/<c>&amp;</c>/<c>+=</c> on it (globals): a location, or null if unknown.</summary>
    bool TryLowerFieldLocation(IFieldReferenceOperation field, ILoweringContext context, out Location? location);
}

/// <summary>What the lowering offers intrinsics: the function being built, lowering of sub-operations, locations, and
/// diagnostics. Everything is emitted into <see cref="Builder"/>'s current block; an intrinsic that branches (bounds or
/// null checks) creates blocks with <see cref="FunctionBuilder.NewBlock"/>, ends the current one with
/// <see cref="FunctionBuilder.Branch"/> and continues with <see cref="FunctionBuilder.SetCurrent"/>.</summary>
internal interface ILoweringContext
{
    FunctionBuilder Builder { get; }

    Compilation Compilation { get; }

    /// <summary>Lowers an operation to a value (a scalar is canonical for its type).</summary>
    LoweredValue Lower(IOperation operation);

    /// <summary>Lowers a scalar operation to an operand (a register or constant, canonical for its type).</summary>
    Operand LowerScalar(IOperation operation);

    /// <summary>Lowers an operation that denotes a location (a local, a field, <c>*p</c>, an <c>out</c>/<c>ref</c> argument).
    /// Null (and a diagnostic reported) when it is not a location.</summary>
    Location? LowerLocation(IOperation operation);

    /// <summary>Reads a location into a value.</summary>
    LoweredValue Read(Location location);

    /// <summary>Writes a value to a location (a struct is copied).</summary>
    void Write(Location location, LoweredValue value);

    /// <summary>Puts <paramref name="value"/> in stack memory (a new slot unless it already is in one) so that its address can
    /// be passed to a helper; returns the location. Take its address with <see cref="StackAddress"/>.</summary>
    StackLocation Materialize(LoweredValue value, string name);

    /// <summary>A new zero-initialised stack slot of <paramref name="size"/> bytes.</summary>
    StackLocation NewStackObject(ITypeSymbol type, int size, int alignment, string name);

    /// <summary>A register holding the address of a stack location (a <see cref="PointerKind.Stack"/> pointer).</summary>
    VReg StackAddress(StackLocation location);

    /// <summary>Size, alignment and field offsets of an unmanaged type.</summary>
    int SizeOf(ITypeSymbol type);

    /// <summary>Asks for <paramref name="method"/> to be compiled as a subprogram of the object (a <c>bpf_loop</c> body);
    /// returns its function name.</summary>
    string AddSubprogram(IMethodSymbol method);

    /// <summary>Reports a diagnostic at <paramref name="at"/>'s syntax.</summary>
    void Report(DiagnosticDescriptor descriptor, IOperation at, string argument);

    /// <summary>A value of <paramref name="type"/> to continue with after a reported error.</summary>
    LoweredValue Poison(ITypeSymbol type);
}

/// <summary>Finds the intrinsic lowerers compiled into this assembly.</summary>
internal static class IntrinsicHook
{
    /// <summary>Every <see cref="IIntrinsicLowerer"/> implementation in this assembly, in name order (deterministic).</summary>
    public static IReadOnlyList<IIntrinsicLowerer> Lowerers { get; } = [.. typeof(IIntrinsicLowerer).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIntrinsicLowerer).IsAssignableFrom(type)
            && type.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (IIntrinsicLowerer)Activator.CreateInstance(type)!)];

    /// <summary>Whether <paramref name="member"/> is compiled by an intrinsic rather than from C#.</summary>
    public static bool IsIntrinsic(ISymbol member)
    {
        var type = member as ITypeSymbol ?? member.ContainingType;
        for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            if (ns.ToDisplayString() == "Sharp.Bpf.Kernel") return true;
        return type?.ToDisplayString() == "System.Buffers.Binary.BinaryPrimitives";
    }
}
