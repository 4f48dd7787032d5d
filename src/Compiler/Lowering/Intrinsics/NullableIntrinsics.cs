using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>NullableRef&lt;T&gt;</c> and <c>RingBufferReservation&lt;T&gt;</c>: one register holding a pointer or 0.
/// <c>IsNull</c>/<c>HasValue</c> compare it with 0 (the null check the verifier demands before a dereference);
/// <c>Value</c> is a reference to the memory it points to, so field reads and writes, <c>Value++</c> and compound
/// assignments are loads and stores through the register; <c>Submit</c>/<c>Discard</c> pass it to
/// <c>bpf_ringbuf_submit</c>/<c>_discard</c>.</summary>
internal static class NullableIntrinsics
{
    static bool IsNullable(ITypeSymbol? type) => KernelSymbols.KernelName(type) is "NullableRef`1" or "RingBufferReservation`1";

    public static bool TryRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        if (!IsNullable(property.Property.ContainingType) || property.Instance is null) return false;
        var pointer = Pointer(context, property.Instance);
        value = property.Property.Name switch
        {
            "IsNull" => new ScalarValue(IntrinsicEmit.BoolFromBranch(context, Condition.Eq, Width.W64, pointer.Register, new Imm(0)), property.Type!),
            "HasValue" => new ScalarValue(IntrinsicEmit.BoolFromBranch(context, Condition.Ne, Width.W64, pointer.Register, new Imm(0)), property.Type!),
            "Value" => new ReferenceValue(new MemoryLocation(pointer.Register, 0, pointer.Kind, property.Type!)),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Lowers <c>IsNull</c>/<c>HasValue</c> used as a condition to one branch on the pointer register itself,
    /// so the verifier marks that very register non-null on the taken edge and no 0/1 flag is materialised.</summary>
    public static bool TryBranch(IPropertyReferenceOperation property, ILoweringContext context, int whenTrue, int whenFalse)
    {
        if (!IsNullable(property.Property.ContainingType) || property.Instance is null) return false;
        Condition? condition = property.Property.Name switch { "IsNull" => Condition.Eq, "HasValue" => Condition.Ne, _ => null };
        if (condition is not { } compare) return false;
        var pointer = Pointer(context, property.Instance);
        context.Builder.Branch(compare, Width.W64, pointer.Register, new Imm(0), whenTrue, whenFalse);
        return true;
    }

    public static bool TryWrite(IPropertyReferenceOperation property, LoweredValue value, ILoweringContext context)
    {
        if (!IsNullable(property.Property.ContainingType) || property.Instance is null || property.Property.Name != "Value") return false;
        var pointer = Pointer(context, property.Instance);
        context.Write(new MemoryLocation(pointer.Register, 0, pointer.Kind, property.Type!), value);
        return true;
    }

    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (!KernelSymbols.Is(method.ContainingType, "RingBufferReservation`1") || invocation.Instance is null
            || method.Name is not ("Submit" or "Discard") || KernelSymbols.HelperId(method) is not { } helper)
            return false;
        var pointer = Pointer(context, invocation.Instance);
        var flags = context.LowerScalar(KernelSymbols.Argument(invocation, 0).Value);
        context.Builder.Emit(new CallHelper(null, helper, new Operand[] { pointer.Register, flags }.ToEquatableArray()));
        value = new ScalarValue(new Imm(0), invocation.Type!);
        return true;
    }

    static (VReg Register, PointerKind Kind) Pointer(ILoweringContext context, IOperation instance)
    {
        var lowered = context.Lower(instance);
        return lowered switch
        {
            PointerValue pointer => (pointer.Address, pointer.Kind),
            _ => (IntrinsicEmit.PointerRegister(lowered) ?? throw new InvalidOperationException($"'{instance.Syntax}' did not lower to a pointer ({lowered})"), PointerKind.MapValue),
        };
    }
}
