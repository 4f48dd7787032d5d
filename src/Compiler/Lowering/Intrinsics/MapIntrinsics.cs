using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Map methods. The map is the <c>static readonly</c> field the call is made on (<c>LoadMap</c> by the field's
/// name, an <c>ld_imm64</c> with a map relocation); keys and values passed <c>in</c> go by the address of a stack copy
/// (a struct local already on the stack is passed in place); the helper id is the method's <c>[BpfHelper]</c>.</summary>
internal static class MapIntrinsics
{
    /// <summary>What each map method compiles to, by name (the declaring types share the shapes).</summary>
    enum Shape { Lookup, TryGetValue, Update, Delete, Push, TryPop, Output, Reserve, PerfOutput, TailCall }

    static readonly Dictionary<(string Type, string Method), Shape> Shapes = new()
    {
        [("KeyValueMapDeclaration`2", "Lookup")] = Shape.Lookup,
        [("KeyValueMapDeclaration`2", "TryGetValue")] = Shape.TryGetValue,
        [("KeyValueMapDeclaration`2", "Update")] = Shape.Update,
        [("KeyValueMapDeclaration`2", "Delete")] = Shape.Delete,
        [("PerCpuHashMap`2", "Lookup")] = Shape.Lookup,
        [("PerCpuHashMap`2", "TryGetValue")] = Shape.TryGetValue,
        [("PerCpuHashMap`2", "Update")] = Shape.Update,
        [("PerCpuHashMap`2", "Delete")] = Shape.Delete,
        [("LpmTrie`2", "Lookup")] = Shape.Lookup,
        [("LpmTrie`2", "TryGetValue")] = Shape.TryGetValue,
        [("LpmTrie`2", "Update")] = Shape.Update,
        [("LpmTrie`2", "Delete")] = Shape.Delete,
        [("ArrayMap`1", "Lookup")] = Shape.Lookup,
        [("ArrayMap`1", "TryGetValue")] = Shape.TryGetValue,
        [("ArrayMap`1", "Update")] = Shape.Update,
        [("ArrayMap`1", "Delete")] = Shape.Delete,
        [("PerCpuArrayMap`1", "Lookup")] = Shape.Lookup,
        [("PerCpuArrayMap`1", "TryGetValue")] = Shape.TryGetValue,
        [("PerCpuArrayMap`1", "Update")] = Shape.Update,
        [("PushPopMapDeclaration`1", "Push")] = Shape.Push,
        [("PushPopMapDeclaration`1", "TryPop")] = Shape.TryPop,
        [("PushPopMapDeclaration`1", "TryPeek")] = Shape.TryPop,
        [("RingBuffer`1", "TryOutput")] = Shape.Output,
        [("RingBuffer`1", "Reserve")] = Shape.Reserve,
        [("PerfEventArray`1", "Output")] = Shape.PerfOutput,
        [("ProgramArray", "TailCall")] = Shape.TailCall,
    };

    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (KernelSymbols.KernelName(method.ContainingType) is not { } type || !Shapes.TryGetValue((type, method.Name), out var shape)
            || KernelSymbols.HelperId(method) is not { } helper || invocation.Instance is null)
            return false;
        var map = Map(context, invocation.Instance);
        var resultType = invocation.Type!;
        value = shape switch
        {
            Shape.Lookup => new PointerValue(IntrinsicEmit.Call(context, helper, map, Key(context, invocation)), PointerKind.MapValue, resultType),
            Shape.TryGetValue => TryGetValue(context, invocation, helper, map),
            Shape.Update => IntrinsicEmit.Result(context, IntrinsicEmit.Call(context, helper, map, Key(context, invocation),
                Address(context, invocation, 1, "value"), Scalar(context, invocation, 2)), resultType),
            Shape.Delete => IntrinsicEmit.Result(context, IntrinsicEmit.Call(context, helper, map, Key(context, invocation)), resultType),
            Shape.Push => IntrinsicEmit.Result(context, IntrinsicEmit.Call(context, helper, map, Address(context, invocation, 0, "value"), Scalar(context, invocation, 1)), resultType),
            Shape.TryPop => TryPop(context, invocation, helper, map),
            Shape.Output => Succeeded(context, IntrinsicEmit.Call(context, helper, map, Address(context, invocation, 0, "record"),
                new Imm(context.SizeOf(method.Parameters[0].Type)), Scalar(context, invocation, 1)), resultType),
            Shape.Reserve => Reserve(context, invocation, helper, map),
            Shape.PerfOutput => IntrinsicEmit.Result(context, IntrinsicEmit.Call(context, helper, ContextPointer(context, invocation, 0), map,
                Scalar(context, invocation, 2), Address(context, invocation, 1, "record"), new Imm(context.SizeOf(method.Parameters[1].Type))), resultType),
            Shape.TailCall => TailCall(context, invocation, helper, map),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>A map field's value (to pass a map on): the map pointer.</summary>
    public static VReg Load(ILoweringContext context, string name)
    {
        var map = context.Builder.NewRegister();
        context.Builder.Emit(new LoadMap(map, name));
        return map;
    }

    static VReg Map(ILoweringContext context, IOperation instance)
    {
        if (instance is IFieldReferenceOperation { Field.IsStatic: true } field) return Load(context, field.Field.Name);
        var lowered = context.Lower(instance);
        return lowered is PointerValue { Kind: PointerKind.Map } pointer ? pointer.Address
            : throw new InvalidOperationException($"the map '{instance.Syntax}' is not a static map field");
    }

    static VReg Key(ILoweringContext context, IInvocationOperation invocation) => Address(context, invocation, 0, "key");

    static VReg Address(ILoweringContext context, IInvocationOperation invocation, int ordinal, string name) =>
        IntrinsicEmit.AddressOfValue(context, KernelSymbols.Argument(invocation, ordinal).Value, name);

    static Operand Scalar(ILoweringContext context, IInvocationOperation invocation, int ordinal) =>
        context.LowerScalar(KernelSymbols.Argument(invocation, ordinal).Value);

    static VReg ContextPointer(ILoweringContext context, IInvocationOperation invocation, int ordinal)
    {
        var argument = KernelSymbols.Argument(invocation, ordinal).Value;
        var lowered = context.Lower(argument);
        return IntrinsicEmit.PointerRegister(lowered) ?? throw new InvalidOperationException($"the context '{argument.Syntax}' did not lower to a pointer ({lowered})");
    }

    /// <summary><c>r0 = lookup(map, &amp;key); if r0 == 0 → value = default, false; else value = *r0, true</c>.</summary>
    static LoweredValue TryGetValue(ILoweringContext context, IInvocationOperation invocation, int helper, VReg map)
    {
        var valueType = invocation.TargetMethod.Parameters[1].Type;
        var key = Key(context, invocation);
        var destination = IntrinsicEmit.OutLocation(context, KernelSymbols.Argument(invocation, 1).Value, valueType);
        if (destination is null) return context.Poison(invocation.Type!);
        var found = IntrinsicEmit.Call(context, helper, map, key);
        var builder = context.Builder;
        var result = builder.NewRegister();
        int present = builder.NewBlock(), absent = builder.NewBlock(), join = builder.NewBlock();
        builder.Branch(Condition.Eq, Width.W64, found, new Imm(0), absent, present);
        builder.SetCurrent(present);
        context.Write(destination, context.Read(new MemoryLocation(found, 0, PointerKind.MapValue, valueType)));
        builder.Emit(new Move(result, new Imm(1)));
        builder.Jump(join);
        builder.SetCurrent(absent);
        context.Write(destination, IntrinsicEmit.Default(context, valueType));
        builder.Emit(new Move(result, new Imm(0)));
        builder.Jump(join);
        builder.SetCurrent(join);
        return new ScalarValue(result, invocation.Type!);
    }

    /// <summary><c>bpf_map_pop_elem</c>/<c>_peek_elem(map, &amp;value)</c> into the stack (the kernel zeroes it on
    /// failure); true when r0 == 0.</summary>
    static LoweredValue TryPop(ILoweringContext context, IInvocationOperation invocation, int helper, VReg map)
    {
        var valueType = invocation.TargetMethod.Parameters[0].Type;
        var destination = IntrinsicEmit.OutLocation(context, KernelSymbols.Argument(invocation, 0).Value, valueType);
        if (destination is null) return context.Poison(invocation.Type!);
        var buffer = IntrinsicEmit.OutBuffer(context, destination, "popped");
        var r0 = IntrinsicEmit.Call(context, helper, map, context.StackAddress(buffer));
        IntrinsicEmit.FinishOut(context, destination, buffer);
        return Succeeded(context, r0, invocation.Type!);
    }

    static LoweredValue Reserve(ILoweringContext context, IInvocationOperation invocation, int helper, VReg map)
    {
        var recordType = ((INamedTypeSymbol)invocation.TargetMethod.ContainingType).TypeArguments[0];
        if (SourceFlow.Of(invocation, context.Compilation) is { } flow && IntrinsicState.Of(context).FirstTime(flow.Method, nameof(ReservationCheck)))
            foreach (var (at, name) in ReservationCheck.Leaks(flow.Graph))
                context.Report(Diagnostics.ReservationNotReleased, at, name);
        var record = IntrinsicEmit.Call(context, helper, map, new Imm(context.SizeOf(recordType)), new Imm(0));
        return new PointerValue(record, PointerKind.MapValue, invocation.Type!);
    }

    /// <summary><c>bpf_tail_call(ctx, map, index)</c> returns only when it fails, so the call is false and the target's
    /// result (managed only) is default.</summary>
    static LoweredValue TailCall(ILoweringContext context, IInvocationOperation invocation, int helper, VReg map)
    {
        var resultType = invocation.TargetMethod.Parameters[2].Type;
        var destination = IntrinsicEmit.OutLocation(context, KernelSymbols.Argument(invocation, 2).Value, resultType);
        context.Builder.Emit(new CallHelper(null, helper, new Operand[] { ContextPointer(context, invocation, 0), map, Scalar(context, invocation, 1) }.ToEquatableArray()));
        if (destination is not null) context.Write(destination, IntrinsicEmit.Default(context, resultType));
        return new ScalarValue(new Imm(0), invocation.Type!);
    }

    static LoweredValue Succeeded(ILoweringContext context, VReg r0, ITypeSymbol boolType) =>
        new ScalarValue(IntrinsicEmit.BoolFromBranch(context, Condition.Eq, Width.W64, r0, new Imm(0)), boolType);
}
