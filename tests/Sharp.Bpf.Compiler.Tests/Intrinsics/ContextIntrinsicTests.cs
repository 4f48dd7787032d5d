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

    [Theory]
    [InlineData("regs.Rax", 80)]
    [InlineData("regs.Rdi", 112)]
    [InlineData("regs.OrigRax", 120)]
    [InlineData("regs.R15", 0)]
    [InlineData("regs.Ss", 160)]
    public void PtRegs_field_is_an_8_byte_context_load_at_its_pt_regs_offset(string expression, short offset)
    {
        var ir = IntrinsicHarness.Ir($"[Kprobe(\"do_unlinkat\")] public static int Run(PtRegs regs) => (int){expression};");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((new VReg(0), offset, 8), (load.Base, load.Offset, load.Size));
    }

    [Theory]
    [InlineData("in PtRegs regs", "regs.Rsi")]
    [InlineData("in PtRegs regs", "regs.Arg(2)")]
    [InlineData("ref readonly PtRegs regs", "regs.Rsi")]
    public void PtRegs_received_by_reference_reads_the_same_context_offsets(string parameter, string expression)
    {
        var ir = IntrinsicHarness.Ir($"[Uprobe(\"/bin/true\", \"main\")] public static int Run({parameter}) => (int){expression};");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((new VReg(0), (short)104, 8), (load.Base, load.Offset, load.Size));
    }

    [Theory]
    [InlineData("regs->Rax", 80)]
    [InlineData("(*regs).Rdx", 96)]
    [InlineData("regs->Arg(1)", 112)]
    [InlineData("regs->ReturnValue", 80)]
    public void Pointer_to_PtRegs_reads_through_the_context_register(string expression, short offset)
    {
        var ir = IntrinsicHarness.Ir($"[Uretprobe(\"/bin/true\", \"main\")] public static unsafe int Run(PtRegs* regs) => (int){expression};");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((offset, 8), (load.Offset, load.Size));
        var basePointer = load.Base;
        while (basePointer != new VReg(0) && ir.Definition(basePointer) is Move { Src: VReg source }) basePointer = source;
        Assert.Equal(new VReg(0), basePointer);
    }

    [Theory]
    [InlineData("PtRegs regs", "regs.Rax = 1")]
    [InlineData("PtRegs* regs", "regs->Rax = 1")]
    [InlineData("RawTracepointArguments args", "args.Arg0 = 1")]
    public void Writing_a_kernel_context_struct_is_SBPF0001(string parameter, string write)
    {
        var ids = IntrinsicHarness.DiagnosticIds($"[Kprobe(\"do_unlinkat\")] public static unsafe int Run({parameter}) {{ {write}; return 0; }}");
        Assert.Equal(["SBPF0001"], ids);
    }

    [Theory]
    [InlineData("in RawTracepointArguments args", "args.Arg1", 8)]
    [InlineData("in RawTracepointArguments args", "args.Arg11", 88)]
    [InlineData("RawTracepointArguments* args", "args->Arg3", 24)]
    public void RawTracepointArguments_field_is_an_8_byte_context_load(string parameter, string expression, short offset)
    {
        var ir = IntrinsicHarness.Ir($"[RawTracepoint(\"sys_exit\")] public static unsafe int Run({parameter}) => (int){expression};");
        var load = Assert.Single(ir.All<Load>());
        Assert.Equal((offset, 8), (load.Offset, load.Size));
    }
}
