using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>Packet</c> members. Every access of n bytes at offset off is preceded by the check the verifier learns
/// packet ranges from (DESIGN.md §2 rule 1): <c>t = p + off + n; if t &gt; data_end goto fail</c>, a 64-bit
/// register-register compare. A constant offset stays in the loads' offset field (<c>*(p + off)</c>); a variable one is
/// added to the pointer in 64 bits first (<c>b = p + off</c>), so it must be a scalar the verifier can bound
/// (<c>(ihl &amp; 0xF) * 4</c>). A negative constant offset is false at compile time, as in managed code.</summary>
internal static class PacketIntrinsics
{
    public static bool TryRead(IPropertyReferenceOperation property, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        if (!KernelSymbols.Is(property.Property.ContainingType, "Packet") || property.Property.Name != "Length" || property.Instance is null) return false;
        var (data, dataEnd) = Cursor(context, property.Instance);
        var length = context.Builder.NewRegister();
        context.Builder.Emit(new Binary(BinaryOp.Sub, Width.W64, length, dataEnd, data));
        var truncated = context.Builder.NewRegister();
        context.Builder.Emit(new Extend(truncated, length, 32, Signed: false));
        value = new ScalarValue(truncated, property.Type!);
        return true;
    }

    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (!KernelSymbols.Is(method.ContainingType, "Packet") || invocation.Instance is null) return false;
        var cursor = Cursor(context, invocation.Instance);
        var offset = context.LowerScalar(KernelSymbols.Argument(invocation, 0).Value);
        value = method.Name switch
        {
            "TryRead" => Read(invocation, context, cursor, offset),
            "TryWrite" => Write(invocation, context, cursor, offset),
            "GetRef" => Reference(invocation, context, cursor, offset),
            "TrySlice" => Slice(invocation, context, cursor, offset),
            _ => null,
        };
        return value is not null;
    }

    static LoweredValue Read(IInvocationOperation invocation, ILoweringContext context, (VReg Data, VReg DataEnd) cursor, Operand offset)
    {
        var type = invocation.TargetMethod.TypeArguments[0];
        var destination = IntrinsicEmit.OutLocation(context, KernelSymbols.Argument(invocation, 1).Value, type);
        if (destination is null) return context.Poison(invocation.Type!);
        return Checked(context, invocation.Type!, cursor, offset, context.SizeOf(type),
            (start, at) => context.Write(destination, context.Read(new MemoryLocation(start, at, PointerKind.Packet, type))),
            () => context.Write(destination, IntrinsicEmit.Default(context, type)));
    }

    static LoweredValue Write(IInvocationOperation invocation, ILoweringContext context, (VReg Data, VReg DataEnd) cursor, Operand offset)
    {
        var type = invocation.TargetMethod.TypeArguments[0];
        var written = context.Lower(KernelSymbols.Argument(invocation, 1).Value);
        return Checked(context, invocation.Type!, cursor, offset, context.SizeOf(type),
            (start, at) => context.Write(new MemoryLocation(start, at, PointerKind.Packet, type), written),
            () => { });
    }

    static LoweredValue Reference(IInvocationOperation invocation, ILoweringContext context, (VReg Data, VReg DataEnd) cursor, Operand offset)
    {
        var type = invocation.TargetMethod.TypeArguments[0];
        var pointer = context.Builder.NewRegister();
        Checked(context, invocation.Type!, cursor, offset, context.SizeOf(type),
            (start, at) =>
            {
                context.Builder.Emit(at == 0 ? new Move(pointer, start) : new Binary(BinaryOp.Add, Width.W64, pointer, start, new Imm(at)));
            },
            () => context.Builder.Emit(new Move(pointer, new Imm(0))));
        return new PointerValue(pointer, PointerKind.Packet, invocation.Type!);
    }

    /// <summary><c>b = p + off; if b &gt; data_end → false</c>; <c>rest</c> is (b, data_end) — written before the check, so
    /// after a failed slice it is a cursor every access of which fails.</summary>
    static LoweredValue Slice(IInvocationOperation invocation, ILoweringContext context, (VReg Data, VReg DataEnd) cursor, Operand offset)
    {
        var packetType = invocation.Instance!.Type!;
        var destination = IntrinsicEmit.OutLocation(context, KernelSymbols.Argument(invocation, 1).Value, packetType);
        if (destination is null) return context.Poison(invocation.Type!);
        if (offset is Imm { Value: < 0 or > short.MaxValue })
        {
            context.Write(destination, PacketCursor.Create(cursor.Data, cursor.DataEnd, packetType));
            return new ScalarValue(new Imm(0), invocation.Type!);
        }
        var start = IntrinsicEmit.Offset(context, cursor.Data, offset);
        context.Write(destination, PacketCursor.Create(start, cursor.DataEnd, packetType));
        return Branches(context, invocation.Type!, start, cursor.DataEnd, () => { }, () => { });
    }

    /// <summary>The bounds check of <paramref name="size"/> bytes at <paramref name="offset"/>, then
    /// <paramref name="inside"/> (given the pointer and constant offset to access at) or <paramref name="outside"/>; the
    /// result is the bool that says which ran.</summary>
    static LoweredValue Checked(ILoweringContext context, ITypeSymbol boolType, (VReg Data, VReg DataEnd) cursor, Operand offset, int size,
        Action<VReg, short> inside, Action outside)
    {
        VReg start;
        short at;
        if (offset is Imm constant)
        {
            if (constant.Value < 0 || constant.Value + size > short.MaxValue)
            {
                outside();
                return new ScalarValue(new Imm(0), boolType);
            }
            (start, at) = (cursor.Data, (short)constant.Value);
        }
        else
            (start, at) = (IntrinsicEmit.Offset(context, cursor.Data, offset), (short)0);
        var end = IntrinsicEmit.Offset(context, start, new Imm(at + size));
        return Branches(context, boolType, end, cursor.DataEnd, () => inside(start, at), outside);
    }

    /// <summary><c>if (end &gt; data_end) { outside; false } else { inside; true }</c>.</summary>
    static LoweredValue Branches(ILoweringContext context, ITypeSymbol boolType, VReg end, VReg dataEnd, Action inside, Action outside)
    {
        var builder = context.Builder;
        var result = builder.NewRegister();
        int fits = builder.NewBlock(), fails = builder.NewBlock(), join = builder.NewBlock();
        builder.Branch(Condition.Ugt, Width.W64, end, dataEnd, fails, fits);
        builder.SetCurrent(fits);
        inside();
        builder.Emit(new Move(result, new Imm(1)));
        builder.Jump(join);
        builder.SetCurrent(fails);
        outside();
        builder.Emit(new Move(result, new Imm(0)));
        builder.Jump(join);
        builder.SetCurrent(join);
        return new ScalarValue(result, boolType);
    }

    static (VReg Data, VReg DataEnd) Cursor(ILoweringContext context, IOperation instance)
    {
        var lowered = context.Lower(instance);
        return PacketCursor.Registers(lowered) ?? throw new InvalidOperationException($"the packet '{instance.Syntax}' did not lower to a cursor ({lowered})");
    }
}
