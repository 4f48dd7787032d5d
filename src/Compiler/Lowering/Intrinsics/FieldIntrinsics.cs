using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Fields: a map field is its map pointer (<c>LoadMap</c>); any other static field of the object is a global,
/// memory at <c>LoadGlobalAddress(name)</c> read and written with loads and stores (the address is a map value the
/// verifier knows is not null, so no check); an instance field of a Sharp.Bpf.Kernel struct (a header, <c>PtRegs</c>) is
/// memory at its offset in the struct's location.</summary>
internal static class FieldIntrinsics
{
    public static bool TryRead(IFieldReferenceOperation reference, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var field = reference.Field;
        if (field.HasConstantValue)
        {
            value = new ScalarValue(new Imm(Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)), field.Type);
            return field.ConstantValue is not null and not string;
        }
        if (field.IsStatic && KernelSymbols.IsMap(field.Type))
        {
            value = new PointerValue(MapIntrinsics.Load(context, field.Name), PointerKind.Map, field.Type);
            return true;
        }
        if (TryLocation(reference, context, out var location) && location is not null)
        {
            value = context.Read(location);
            return true;
        }
        return false;
    }

    public static bool TryWrite(IFieldReferenceOperation reference, LoweredValue value, ILoweringContext context)
    {
        if (KernelSymbols.IsMap(reference.Field.Type) || !TryLocation(reference, context, out var location) || location is null) return false;
        context.Write(location, value);
        return true;
    }

    public static bool TryLocation(IFieldReferenceOperation reference, ILoweringContext context, out Location? location)
    {
        location = null;
        var field = reference.Field;
        if (field.IsConst || KernelSymbols.IsMap(field.Type)) return false;
        if (field.IsStatic)
        {
            if (KernelSymbols.KernelName(field.ContainingType) is not null) return false;
            var address = context.Builder.NewRegister();
            context.Builder.Emit(new LoadGlobalAddress(address, field.Name));
            location = new MemoryLocation(address, 0, PointerKind.Global, field.Type);
            return true;
        }
        if (KernelSymbols.KernelName(field.ContainingType) is null || reference.Instance is null) return false;
        location = Locations.OfField(context, reference.Instance, field);
        return location is not null;
    }
}
