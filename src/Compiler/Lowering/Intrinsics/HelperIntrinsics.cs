using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary><c>Bpf</c> helper methods: <c>call &lt;id&gt;</c> with the id of the method's <c>[BpfHelper]</c>. Scalars pass
/// in r1–r5 (signed ones sign-extended to 64 bits), the context as its pointer, <c>out</c> values as the address of a stack
/// buffer and its size; the result is r0 narrowed to the return type.</summary>
internal static class HelperIntrinsics
{
    public static bool TryInvoke(IInvocationOperation invocation, ILoweringContext context, out LoweredValue? value)
    {
        value = null;
        var method = invocation.TargetMethod;
        if (!KernelSymbols.Is(method.ContainingType, "Bpf") || KernelSymbols.HelperId(method) is not { } helper) return false;
        var resultType = invocation.Type!;
        switch (method.Name)
        {
            case "Loop":
                value = LoopIntrinsics.Lower(invocation, context, helper);
                return true;
            case "TracePrintk":
                value = TracePrintk(invocation, context, helper);
                return true;
            case "SkbPullData":
                CheckStalePackets(invocation, context);
                break;
        }
        if (method.Parameters.Any(p => p.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan" }))
        {
            context.Report(Diagnostics.KernelMemberNotSupported, invocation,
                $"{KernelSymbols.Display(method)} with a Span (use the overload with an 'out' struct, e.g. an [InlineArray] buffer)");
            value = context.Poison(resultType);
            return true;
        }
        var arguments = new List<Operand>();
        var outs = new List<(Location Destination, StackLocation Buffer)>();
        foreach (var parameter in method.Parameters)
        {
            var argument = KernelSymbols.Argument(invocation, parameter.Ordinal).Value;
            if (parameter.RefKind == RefKind.Out)
            {
                // An out buffer is its address followed by its size (bpf_get_current_comm, bpf_probe_read_*, bpf_skb_load_bytes).
                var destination = IntrinsicEmit.OutLocation(context, argument, parameter.Type);
                if (destination is null)
                {
                    value = context.Poison(resultType);
                    return true;
                }
                var buffer = IntrinsicEmit.OutBuffer(context, destination, parameter.Name);
                outs.Add((destination, buffer));
                arguments.Add(context.StackAddress(buffer));
                arguments.Add(new Imm(context.SizeOf(parameter.Type)));
            }
            else if (parameter.Type.TypeKind == TypeKind.Class)
                arguments.Add(IntrinsicEmit.PointerRegister(context.Lower(argument)) ?? throw new InvalidOperationException($"the context '{argument.Syntax}' is not a pointer"));
            else
                arguments.Add(IntrinsicEmit.Widened(context, context.LowerScalar(argument), parameter.Type));
        }
        var r0 = IntrinsicEmit.Call(context, helper, [.. arguments]);
        foreach (var (destination, buffer) in outs) IntrinsicEmit.FinishOut(context, destination, buffer);
        value = IntrinsicEmit.Result(context, r0, resultType);
        return true;
    }

    /// <summary><c>bpf_trace_printk(fmt, size, a1, a2, a3)</c>: the constant format's UTF-8 bytes and NUL in a stack buffer
    /// (8-byte stores), its size including the NUL, then the arguments widened to 64 bits.</summary>
    static LoweredValue TracePrintk(IInvocationOperation invocation, ILoweringContext context, int helper)
    {
        var format = KernelSymbols.Argument(invocation, 0).Value;
        if (format.ConstantValue is not { HasValue: true, Value: string text })
        {
            context.Report(Diagnostics.NonConstantPrintkFormat, format, format.Syntax.ToString());
            return context.Poison(invocation.Type!);
        }
        var bytes = Encoding.UTF8.GetBytes(text + "\0");
        var slot = context.NewStackObject(format.Type!, (bytes.Length + 7) / 8 * 8, 8, "printk format");
        for (int offset = 0; offset < bytes.Length; offset += 8)
        {
            var chunk = new byte[8];
            Array.Copy(bytes, offset, chunk, 0, Math.Min(8, bytes.Length - offset));
            var word = IntrinsicEmit.Register(context, new Imm(BitConverter.ToInt64(chunk, 0)));
            context.Builder.Emit(new StoreStack(slot.Slot, slot.Offset + offset, word, 8));
        }
        var arguments = new List<Operand> { context.StackAddress(slot), new Imm(bytes.Length) };
        foreach (var parameter in invocation.TargetMethod.Parameters.Skip(1))
            arguments.Add(IntrinsicEmit.Widened(context, context.LowerScalar(KernelSymbols.Argument(invocation, parameter.Ordinal).Value), parameter.Type));
        return IntrinsicEmit.Result(context, IntrinsicEmit.Call(context, helper, [.. arguments]), invocation.Type!);
    }

    static void CheckStalePackets(IInvocationOperation invocation, ILoweringContext context)
    {
        if (SourceFlow.Of(invocation, context.Compilation) is not { } flow || !IntrinsicState.Of(context).FirstTime(flow.Method, nameof(PacketInvalidationCheck))) return;
        foreach (var use in PacketInvalidationCheck.StaleUses(flow.Graph))
            context.Report(Diagnostics.StalePacketCursor, use, use.Local.Name);
    }
}
