using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Context members are exact-width loads and stores at the uapi offsets (linux/bpf.h) from the unmodified context
/// register v0.</summary>
public class ContextIntrinsicTests
{
    [Theory]
    [InlineData("Len", 0, 4)]
    [InlineData("PacketType", 4, 4)]
    [InlineData("Mark", 8, 4)]
    [InlineData("QueueMapping", 12, 4)]
    [InlineData("Protocol", 16, 4)]
    [InlineData("VlanPresent", 20, 4)]
    [InlineData("VlanTci", 24, 4)]
    [InlineData("VlanProto", 28, 4)]
    [InlineData("Priority", 32, 4)]
    [InlineData("IngressIfindex", 36, 4)]
    [InlineData("Ifindex", 40, 4)]
    [InlineData("TcIndex", 44, 4)]
    [InlineData("Hash", 68, 4)]
    [InlineData("TcClassId", 72, 4)]
    [InlineData("NapiId", 84, 4)]
    [InlineData("Timestamp", 152, 8)]
    [InlineData("WireLength", 160, 4)]
    [InlineData("GsoSegments", 164, 4)]
    [InlineData("GsoSize", 176, 4)]
    public void SkBuff_property_is_a_load_at_its_sk_buff_offset(string property, short offset, int size)
    {
        var ir = IntrinsicHarness.Ir($"[Tc] public static TcAction Run(SkBuff skb) => skb.{property} == 7 ? TcAction.Shot : TcAction.Ok;");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((new VReg(0), offset, size), (load.Base, load.Offset, load.Size));
    }

    [Theory]
    [InlineData("IngressIfindex", 12)]
    [InlineData("RxQueueIndex", 16)]
    [InlineData("EgressIfindex", 20)]
    public void XdpMd_property_is_a_32_bit_load_at_its_xdp_md_offset(string property, short offset)
    {
        var ir = IntrinsicHarness.Ir($"[Xdp] public static XdpAction Run(XdpMd ctx) => ctx.{property} == 7 ? XdpAction.Drop : XdpAction.Pass;");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((new VReg(0), offset, 4), (load.Base, load.Offset, load.Size));
    }

    [Theory]
    [InlineData("Mark", 8, 4)]
    [InlineData("Priority", 32, 4)]
    [InlineData("TcIndex", 44, 4)]
    [InlineData("TcClassId", 72, 4)]
    [InlineData("Timestamp", 152, 8)]
    public void Writable_SkBuff_property_is_a_store_at_its_offset(string property, short offset, int size)
    {
        var ir = IntrinsicHarness.Ir($"[Tc] public static TcAction Run(SkBuff skb) {{ skb.{property} = 5; return TcAction.Ok; }}");
        var store = Assert.Single(ir.All<Store>());
        Assert.Equal((new VReg(0), offset, size, (Operand)new Imm(5)), (store.Base, store.Offset, store.Size, store.Value));
    }

    [Fact]
    public void SkBuff_EtherType_swaps_the_protocol_field()
    {
        var ir = IntrinsicHarness.Ir("[Tc] public static TcAction Run(SkBuff skb) => skb.EtherType == EtherTypes.Ipv4 ? TcAction.Shot : TcAction.Ok;");
        var protocol = ir.ContextLoad(16);
        Assert.Contains(ir.All<ByteSwap>(), s => s.Src == protocol && s.Bits == 16);
    }

    [Theory]
    [InlineData("SkBuff skb", "skb", "TcAction", "Tc", 76, 80)]
    [InlineData("XdpMd ctx", "ctx", "XdpAction", "Xdp", 0, 4)]
    public void Packet_loads_data_and_data_end_from_the_context(string parameter, string name, string action, string attribute, short data, short dataEnd)
    {
        var ir = IntrinsicHarness.Ir($"[{attribute}] public static {action} Run({parameter}) => ({action})({name}.Packet.Length > 100 ? 1 : 2);");
        ir.ContextLoad(data);
        ir.ContextLoad(dataEnd);
    }

    [Theory]
    [InlineData("regs.Arg(1)", 112)]
    [InlineData("regs.Arg(2)", 104)]
    [InlineData("regs.Arg(6)", 64)]
    [InlineData("regs.ReturnValue", 80)]
    public void PtRegs_member_is_an_8_byte_context_load(string expression, short offset)
    {
        var ir = IntrinsicHarness.Ir($"[Kprobe(\"do_unlinkat\")] public static int Run(PtRegs regs) => (int){expression};");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((new VReg(0), offset, 8), (load.Base, load.Offset, load.Size));
    }
}
