using System.Text;
using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary><c>Bpf</c> helpers call the id of their <c>[BpfHelper]</c> attribute with the documented arguments.</summary>
public class HelperIntrinsicTests
{
    [Theory]
    [InlineData("(long)Bpf.KtimeGetNs()", 5, 0)]
    [InlineData("(long)Bpf.KtimeGetBootNs()", 125, 0)]
    [InlineData("Bpf.GetSmpProcessorId()", 8, 0)]
    [InlineData("Bpf.GetPrandomU32()", 7, 0)]
    [InlineData("(long)Bpf.GetCurrentPidTgid()", 14, 0)]
    [InlineData("(long)Bpf.GetCurrentUidGid()", 15, 0)]
    [InlineData("Bpf.GetCurrentComm(out TaskComm comm)", 16, 2)]
    [InlineData("Bpf.ProbeReadKernel(out Pair pair, 0x1000UL)", 113, 3)]
    [InlineData("Bpf.ProbeReadUser(out Pair pair, 0x1000UL)", 112, 3)]
    [InlineData("Bpf.SkbLoadBytes(skb, 14, out Pair pair)", 26, 4)]
    [InlineData("Bpf.SkbPullData(skb, 64)", 39, 2)]
    [InlineData("(long)Bpf.Redirect(2, 1)", 23, 2)]
    [InlineData("Bpf.TracePrintk(\"len %u\\n\", skb.Len)", 6, 3)]
    public void Helper_calls_its_id_with_its_arguments(string call, int helper, int argumentCount)
    {
        var ir = IntrinsicHarness.Ir($"[Tc] public static TcAction Run(SkBuff skb) => {call} == 0 ? TcAction.Shot : TcAction.Ok;");
        var helperCall = Assert.Single(ir.Calls());
        Assert.Equal((helper, argumentCount), (helperCall.HelperId, helperCall.Arguments.Count));
    }

    [Fact]
    public void Bpf_Loop_passes_its_body_as_a_function_address_and_lowers_the_body_as_a_subprogram()
    {
        var result = IntrinsicHarness.Lower("""
            static long Body(uint i, ref ulong sum) { sum += i; return 0; }
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                ulong sum = 0;
                Bpf.Loop(10, Body, ref sum);
                return sum == 45 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        Assert.Empty(result.Diagnostics);
        var call = Assert.Single(result.Function!.Blocks.SelectMany(b => b.Instructions).OfType<CallHelper>());
        Assert.Equal((181, 4), (call.HelperId, call.Arguments.Count));
        var callback = result.Function.Blocks.SelectMany(b => b.Instructions).OfType<LoadFunctionAddress>().Single();
        Assert.Equal((VReg)call.Arguments[1], callback.Dst);
        Assert.Equal("Body", callback.Function);
        Assert.Equal(new Imm(0), call.Arguments[3]);
        var body = Assert.Single(result.Subprograms);
        Assert.Equal(("Body", 2), (body.Name, body.ParameterCount));
    }

    [Fact]
    public void Out_buffer_is_a_stack_address_and_its_size()
    {
        var ir = IntrinsicHarness.Ir("[Tc] public static TcAction Run(SkBuff skb) => Bpf.ProbeReadKernel(out Pair pair, 0x1000UL) == 0 && pair.A == 1 ? TcAction.Shot : TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        Assert.IsType<StackAddress>(ir.Origin((VReg)call.Arguments[0]));
        Assert.Equal(new Imm(8), call.Arguments[1]);
    }

    [Fact]
    public void TracePrintk_stores_the_format_and_its_NUL_on_the_stack_and_passes_its_size()
    {
        var ir = IntrinsicHarness.Ir("[Tc] public static TcAction Run(SkBuff skb) { Bpf.TracePrintk(\"hello %d\\n\", -1); return TcAction.Ok; }");
        var call = Assert.Single(ir.Calls());
        var format = Encoding.UTF8.GetBytes("hello %d\n\0");
        Assert.Equal(new Imm(format.Length), call.Arguments[1]);
        var slot = Assert.IsType<StackAddress>(ir.Origin((VReg)call.Arguments[0])).Slot;
        var stored = new byte[16];
        foreach (var store in ir.All<StoreStack>().Where(s => s.Slot == slot && s.Size == 8 && s.Value is VReg))
            if (ir.Origin((VReg)store.Value) is Move { Src: Imm word })
                BitConverter.GetBytes(word.Value).CopyTo(stored, store.Offset);
        Assert.Equal(format, stored[..format.Length]);
        Assert.Equal(new Imm(-1), call.Arguments[2]);
    }

    [Theory]
    [InlineData("ushort", "(ushort)skb.Len", 16)]
    [InlineData("uint", "skb.Len", 32)]
    [InlineData("ulong", "(ulong)skb.Len", 64)]
    [InlineData("short", "(short)skb.Len", 16)]
    [InlineData("int", "(int)skb.Len", 32)]
    [InlineData("long", "(long)skb.Len", 64)]
    public void ReverseEndianness_is_a_byte_swap_of_the_type_width(string type, string operand, int bits)
    {
        var ir = IntrinsicHarness.Ir($"[Tc] public static TcAction Run(SkBuff skb) => BinaryPrimitives.ReverseEndianness({operand}) == ({type})1 ? TcAction.Shot : TcAction.Ok;");
        Assert.Equal(bits, Assert.Single(ir.All<ByteSwap>()).Bits);
    }
}
