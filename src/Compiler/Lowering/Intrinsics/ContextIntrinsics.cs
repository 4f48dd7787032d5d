using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Context members: <c>SkBuff</c> and <c>XdpMd</c> properties are exact-width loads (and, for writable
/// <c>__sk_buff</c> fields, stores) at constant offsets from the unmodified context register (DESIGN.md §2 rule 3);
/// <c>Packet</c> loads <c>data</c> and <c>data_end</c>; <c>PtRegs.Arg(n)</c> is the load of the n-th argument register.</summary>
internal static class ContextIntrinsics
{
    public static bool TryRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var contextType = KernelSymbols.KernelName(property.Property.ContainingType);
        if (property.Instance is null) return false;
        if (contextType == "PtRegs" && property.Property.Name == "ReturnValue")
        {
            value = ReadRegister(context, property.Instance, "Rax", property.Type!);
            return true;
        }
        if (ContextFields.PacketFields(contextType) is { } packet && property.Property.Name == "Packet")
        {
            var pointer = ContextRegister(context, property.Instance);
            var data = Load(context, pointer, packet.Data, nonNull: true);
            var dataEnd = Load(context, pointer, packet.DataEnd);
            value = PacketCursor.Create(data, dataEnd, property.Type!);
            return true;
        }
        if (contextType == "SkBuff" && property.Property.Name == "EtherType")
        {
            var protocol = Load(context, ContextRegister(context, property.Instance), ContextFields.SkBuff["Protocol"]);
            var swapped = context.Builder.NewRegister();
            context.Builder.Emit(new ByteSwap(swapped, protocol, 16));
            value = new ScalarValue(swapped, property.Type!);
            return true;
        }
        if (ContextFields.Fields(contextType) is { } fields && fields.TryGetValue(property.Property.Name, out var field))
        {
            value = new ScalarValue(Load(context, ContextRegister(context, property.Instance), field), property.Type!);
            return true;
        }
        return false;
    }

    public static bool TryWrite(IPropertyReferenceOperation property, LoweredValue value, ILoweringContext context)
    {
        var contextType = KernelSymbols.KernelName(property.Property.ContainingType);
        if (property.Instance is null || ContextFields.Fields(contextType) is not { } fields || !fields.TryGetValue(property.Property.Name, out var field))
            return false;
        if (value is not ScalarValue scalar) return false;
        context.Builder.Emit(new Store(ContextRegister(context, property.Instance), field.Offset, scalar.Operand, field.Size));
        return true;
    }

    /// <summary><c>PtRegs.Arg(n)</c> with a constant n.</summary>
    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        if (!SourceFlow.Calls(invocation, "PtRegs", "Arg") || invocation.Instance is null) return false;
        var argument = KernelSymbols.Argument(invocation, 0).Value;
        if (argument.ConstantValue is not { HasValue: true, Value: int n } || n < 1 || n > ContextFields.PtRegsArguments.Count)
        {
            context.Report(Diagnostics.IntrinsicArgumentNotConstant, argument,
                $"PtRegs.Arg needs a constant argument number from 1 to 6, not '{argument.Syntax}': each compiles to the load of one register");
            value = context.Poison(invocation.Type!);
            return true;
        }
        value = ReadRegister(context, invocation.Instance, ContextFields.PtRegsArguments[n - 1], invocation.Type!);
        return true;
    }

    static LoweredValue ReadRegister(ILoweringContext context, IOperation instance, string register, ITypeSymbol type)
    {
        var field = KernelFieldLayout.Field(instance.Type!, register);
        var location = Locations.OfField(context, instance, field);
        return location is null ? context.Poison(type) : context.Read(location);
    }

    static VReg ContextRegister(ILoweringContext context, IOperation instance)
    {
        var lowered = context.Lower(instance);
        return IntrinsicEmit.PointerRegister(lowered) ?? throw new InvalidOperationException($"the context '{instance.Syntax}' did not lower to a pointer ({lowered})");
    }

    static VReg Load(ILoweringContext context, VReg pointer, ContextField field, bool nonNull = false)
    {
        var loaded = context.Builder.NewRegister();
        context.Builder.Emit(new Load(loaded, pointer, field.Offset, field.Size) { NonNull = nonNull });
        return loaded;
    }
}
