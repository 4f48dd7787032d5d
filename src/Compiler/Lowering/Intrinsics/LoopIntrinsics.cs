using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>Bpf.Loop(iterations, Body, ref context)</c>: <c>bpf_loop(nr_loops, callback_fn, callback_ctx, 0)</c>. The body,
/// a static method group, becomes a subprogram of its own (lowered by <see cref="MethodLowerer"/> as a loop body, index in r1
/// and the context pointer in r2); the call passes its address (an <c>lddw</c> of the function) and the address of the
/// context on the caller's stack.</summary>
internal static class LoopIntrinsics
{
    /// <summary>Whether <paramref name="operation"/> is the body argument of a <c>Bpf.Loop</c> call: a method group converted
    /// to <c>LoopBody</c>, which the lowering compiles as a subprogram rather than rejecting as a delegate.</summary>
    public static bool IsBody(IOperation operation) =>
        operation is IDelegateCreationOperation { Target: IMethodReferenceOperation, Parent: IArgumentOperation { Parameter: { } parameter } }
        && KernelSymbols.Is(parameter.Type, "LoopBody`1")
        && parameter.ContainingSymbol is IMethodSymbol { Name: "Loop" } method && KernelSymbols.Is(method.ContainingType, "Bpf");

    /// <summary>Lowers the call; reports and returns a poison value when an argument is not one the compiler supports.</summary>
    public static LoweredValue Lower(IInvocationOperation invocation, ILoweringContext context, int helper)
    {
        var resultType = invocation.Type!;
        var body = KernelSymbols.Argument(invocation, 1).Value;
        if (body is not IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } }
            || !method.IsStatic || method.IsGenericMethod || method.DeclaringSyntaxReferences.IsEmpty)
        {
            context.Report(Diagnostics.KernelMemberNotSupported, body,
                "Bpf.Loop with this body (pass a static, non-generic method of your project by name, not a lambda or a delegate variable)");
            return context.Poison(resultType);
        }
        var flags = KernelSymbols.Argument(invocation, 3).Value;
        if (flags.ConstantValue is not { HasValue: true, Value: 0UL })
        {
            context.Report(Diagnostics.KernelMemberNotSupported, flags, "Bpf.Loop with flags (bpf_loop accepts only 0)");
            return context.Poison(resultType);
        }
        if (context.LowerLocation(KernelSymbols.Argument(invocation, 2).Value) is not { } location) return context.Poison(resultType);
        // The verifier accepts only the caller's stack as a callback's context: anything else (a local kept in a register,
        // a map value) is copied to a stack buffer for the loop and back after it.
        var buffer = IntrinsicEmit.OutBuffer(context, location, "loop context");
        if (!ReferenceEquals(buffer, location)) context.Write(buffer, context.Read(location));
        var iterations = IntrinsicEmit.Widened(context, context.LowerScalar(KernelSymbols.Argument(invocation, 0).Value), invocation.TargetMethod.Parameters[0].Type);
        var callback = context.Builder.NewRegister();
        context.Builder.Emit(new LoadFunctionAddress(callback, context.AddSubprogram(method)));
        var r0 = IntrinsicEmit.Call(context, helper, iterations, callback, context.StackAddress(buffer), new Imm(0));
        IntrinsicEmit.FinishOut(context, location, buffer);
        return IntrinsicEmit.Result(context, r0, resultType);
    }
}
