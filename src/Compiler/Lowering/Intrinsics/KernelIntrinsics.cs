using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>The intrinsic lowerer for the Sharp.Bpf.Kernel programming model. It first rejects <c>[ManagedOnly]</c> members
/// (SBPF0060), then asks each family in turn: contexts, packets, nullable references and reservations, maps, helpers,
/// atomics, byte order, header accessors, fields and globals.</summary>
internal sealed class KernelIntrinsics : IIntrinsicLowerer
{
    public bool TryLowerInvocation(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        if (ManagedOnly(invocation.TargetMethod, invocation, context, out value)) return true;
        return ContextIntrinsics.TryInvoke(invocation, context, out value)
            || PacketIntrinsics.TryInvoke(invocation, context, out value)
            || NullableIntrinsics.TryInvoke(invocation, context, out value)
            || MapIntrinsics.TryInvoke(invocation, context, out value)
            || HelperIntrinsics.TryInvoke(invocation, context, out value)
            || AtomicIntrinsics.TryInvoke(invocation, context, out value)
            || ByteOrderIntrinsics.TryInvoke(invocation, context, out value);
    }

    public bool TryLowerPropertyRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value)
    {
        if (ManagedOnly(property.Property, property, context, out value)) return true;
        return ContextIntrinsics.TryRead(property, context, out value)
            || PacketIntrinsics.TryRead(property, context, out value)
            || NullableIntrinsics.TryRead(property, context, out value)
            || HeaderProperties.TryRead(property, context, out value);
    }

    public bool TryLowerPropertyWrite(IPropertyReferenceOperation property, LoweredValue value, ILoweringContext context)
    {
        if (ManagedOnly(property.Property, property, context, out _)) return true;
        return ContextIntrinsics.TryWrite(property, value, context)
            || NullableIntrinsics.TryWrite(property, value, context)
            || HeaderProperties.TryWrite(property, value, context);
    }

    public bool TryLowerFieldRead(IFieldReferenceOperation field, ILoweringContext context, out LoweredValue? value)
    {
        if (ManagedOnly(field.Field, field, context, out value)) return true;
        return FieldIntrinsics.TryRead(field, context, out value);
    }

    public bool TryLowerFieldWrite(IFieldReferenceOperation field, LoweredValue value, ILoweringContext context)
    {
        if (ManagedOnly(field.Field, field, context, out _)) return true;
        return FieldIntrinsics.TryWrite(field, value, context);
    }

    public bool TryLowerFieldLocation(IFieldReferenceOperation field, ILoweringContext context, out Location? location)
    {
        location = null;
        if (ManagedOnly(field.Field, field, context, out _)) return true;
        return FieldIntrinsics.TryLocation(field, context, out location);
    }

    static bool ManagedOnly(ISymbol member, IOperation at, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        if (!KernelSymbols.IsManagedOnly(member)) return false;
        context.Report(Diagnostics.ManagedOnlyMember, at, KernelSymbols.Display(member));
        value = context.Poison(at.Type ?? context.Compilation.GetSpecialType(SpecialType.System_Int32));
        return true;
    }
}
