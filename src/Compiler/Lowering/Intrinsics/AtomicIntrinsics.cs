using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>Atomic.*</c>: one IR <see cref="Ir.Atomic"/> on the <c>ref</c> target's memory (a map value, a global, or
/// the stack), 4 or 8 bytes wide as the target's type.</summary>
internal static class AtomicIntrinsics
{
    static readonly Dictionary<string, (AtomicOp Op, bool Fetch)> Operations = new()
    {
        ["Add"] = (AtomicOp.Add, false),
        ["FetchAdd"] = (AtomicOp.Add, true),
        ["Exchange"] = (AtomicOp.Exchange, true),
        ["CompareExchange"] = (AtomicOp.CompareExchange, true),
    };

    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (!KernelSymbols.Is(method.ContainingType, "Atomic") || !Operations.TryGetValue(method.Name, out var operation)) return false;
        var target = KernelSymbols.Argument(invocation, 0).Value;
        var location = context.LowerLocation(target);
        (VReg Base, short Offset)? address = location switch
        {
            MemoryLocation memory => (memory.Base, memory.Offset),
            StackLocation stack => (context.StackAddress(stack), 0),
            _ => null,
        };
        if (address is not { } at)
        {
            if (location is not null)
                context.Report(Diagnostics.UnsupportedConstruct, target,
                    $"Atomic.{method.Name} on '{target.Syntax}', a local kept in a register: atomics need memory (a map value, a global or a struct field)");
            value = context.Poison(invocation.Type!);
            return true;
        }
        int size = context.SizeOf(method.Parameters[0].Type);
        var operand = context.LowerScalar(KernelSymbols.Argument(invocation, 1).Value);
        var expected = operation.Op == AtomicOp.CompareExchange ? context.LowerScalar(KernelSymbols.Argument(invocation, 2).Value) : null;
        var old = operation.Fetch ? context.Builder.NewRegister() : null;
        context.Builder.Emit(new Ir.Atomic(operation.Op, at.Base, at.Offset, operand, size, old, expected));
        value = old is null ? new ScalarValue(new Imm(0), invocation.Type!) : new ScalarValue(old, invocation.Type!);
        return true;
    }
}
