using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>BinaryPrimitives.ReverseEndianness</c>: an IR <see cref="ByteSwap"/> of the operand's width. Signed types need
/// no extra step: a value of 32 bits or less lives zero-extended from its width, which is what the swap produces.</summary>
internal static class ByteOrderIntrinsics
{
    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (method.ContainingType?.ToDisplayString() != "System.Buffers.Binary.BinaryPrimitives" || method.Name != "ReverseEndianness"
            || method.Parameters is not [{ Type: var type }] || type.SpecialType == SpecialType.None)
            return false;
        var operand = context.LowerScalar(KernelSymbols.Argument(invocation, 0).Value);
        value = new ScalarValue(Swap(context, operand, context.SizeOf(type) * 8), invocation.Type!);
        return true;
    }

    /// <summary>The low <paramref name="bits"/> of <paramref name="operand"/> byte-reversed (a byte is its own reverse).</summary>
    public static Operand Swap(ILoweringContext context, Operand operand, int bits)
    {
        if (bits <= 8) return operand;
        var swapped = context.Builder.NewRegister();
        context.Builder.Emit(new ByteSwap(swapped, IntrinsicEmit.Register(context, operand), bits));
        return swapped;
    }
}
