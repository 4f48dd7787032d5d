using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Types;

namespace Sharp.Bpf.Compiler.Lowering;

// foreach over an [InlineArray] struct. Roslyn's graph expresses it as Span<T>.GetEnumerator() on the array converted to a
// span, MoveNext() as the loop condition and Current in the body, with Dispose() in a finally region. Those calls have no
// eBPF body, so the pattern becomes the loop the verifier can bound: a counter compared with the constant length, the
// element addressed from it.
internal sealed partial class BodyLowerer
{
    /// <summary>Whether <paramref name="loop"/> iterates an inline array, whose length is a compile-time constant.</summary>
    static bool IteratesInlineArray(IForEachLoopOperation loop)
    {
        // The collection may be wrapped in conversions to itself or to the span its elements are read through; any other
        // conversion (a user-defined one to an enumerable) leaves enumerator calls this lowering does not recognise.
        var collection = loop.Collection;
        while (collection is IConversionOperation { Operand.Type: var from, Type: var to } conversion
            && (SymbolEqualityComparer.Default.Equals(from, to) || IsSpan(to)))
            collection = conversion.Operand;
        return collection.Type is { } type && TypeLayout.Of(type).Shape is InlineArrayShape;
    }

    /// <summary><c>GetEnumerator()</c> on an inline array converted to a span: the array and its layout, or null.</summary>
    static (IOperation Array, InlineArrayShape Shape)? InlineArrayEnumeration(IOperation value) =>
        value is IInvocationOperation { TargetMethod: { Name: "GetEnumerator" } method, Instance: IConversionOperation { Operand: { Type: { } type } array } }
            && IsSpan(method.ContainingType) && TypeLayout.Of(type).Shape is InlineArrayShape shape
            ? (array, shape) : null;

    static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The enumeration over an inline array that <paramref name="instance"/> (a flow capture) refers to, if it is one.</summary>
    InlineArrayEnumerator? Enumerator(IOperation? instance) =>
        instance is IFlowCaptureReferenceOperation reference && frame.Enumerators.TryGetValue(reference.Id, out var enumerator) ? enumerator : null;

    /// <summary>Lowers the capture of a span enumerator over an inline array: the array's location and a counter from 0.</summary>
    bool StartEnumeration(IFlowCaptureOperation capture)
    {
        if (InlineArrayEnumeration(capture.Value) is not var (array, shape)) return false;
        if (LowerLocation(array) is not { } location) return true;
        var index = Compilation.GetSpecialType(SpecialType.System_Int32);
        var enumerator = new InlineArrayEnumerator(location, shape,
            new RegisterLocation(builder.NewRegister(), index), new RegisterLocation(builder.NewRegister(), index));
        frame.Enumerators[capture.Id] = enumerator;
        Write(enumerator.Next, new ScalarValue(new Imm(0), index));
        return true;
    }

    /// <summary><c>MoveNext()</c>: the current index takes the next one, which advances; the loop goes on while the
    /// current index is below the length, the compare the verifier bounds the element address by.</summary>
    bool TryBranchMoveNext(IOperation condition, int whenTrue, int whenFalse)
    {
        if (condition is not IInvocationOperation { TargetMethod.Name: "MoveNext", Instance: var instance } || Enumerator(instance) is not { } enumerator)
            return false;
        var index = enumerator.Current.Type;
        Write(enumerator.Current, Read(enumerator.Next));
        Write(enumerator.Next, new ScalarValue(Emit(BinaryOp.Add, Width.W32, enumerator.Current.Register, new Imm(1)), index));
        builder.Branch(Condition.Ult, Width.W64, enumerator.Current.Register, new Imm(enumerator.Shape.Length), whenTrue, whenFalse);
        return true;
    }

    /// <summary><c>Current</c>: the element at the current index, a variable (<c>foreach (ref var x in ...)</c> writes it).</summary>
    Location? CurrentElement(InlineArrayEnumerator enumerator, ITypeSymbol type)
    {
        VReg start;
        var kind = PointerKind.Stack;
        switch (enumerator.Array)
        {
            case StackLocation stack:
                start = StackAddress(stack);
                break;
            case MemoryLocation memory:
                start = Emit(BinaryOp.Add, Width.W64, memory.Base, new Imm(memory.Offset));
                kind = memory.Kind;
                break;
            default:
                return null;
        }
        int size = enumerator.Shape.Element.Size;
        Operand offset = size == 1 ? enumerator.Current.Register : Emit(BinaryOp.Mul, Width.W64, enumerator.Current.Register, new Imm(size));
        return new MemoryLocation(Emit(BinaryOp.Add, Width.W64, start, offset), 0, kind, type);
    }

    /// <summary>The enumerator's <c>Dispose()</c> in the loop's finally region does nothing for a span: the region is skipped.</summary>
    static bool DisposesSpanEnumerator(BasicBlock block) =>
        block.EnclosingRegion.Kind == ControlFlowRegionKind.Finally && block.Operations.All(operation =>
            operation is IInvocationOperation { TargetMethod.Name: "Dispose", Instance: IFlowCaptureReferenceOperation { Type: { } type } }
                && IsSpan(type.ContainingType));
}

/// <summary>A foreach over an inline array being lowered: where the array is, its layout, and the next and current indices.</summary>
internal sealed record InlineArrayEnumerator(Location Array, InlineArrayShape Shape, RegisterLocation Next, RegisterLocation Current);
