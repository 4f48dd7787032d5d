using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Packet accesses carry the bounds check the verifier learns from: <c>t = p + off + size; if t &gt; data_end</c>
/// in 64 bits, register against register, before any load or store of packet memory.</summary>
public class PacketIntrinsicTests
{
    const string ReadEthernet = """
        [Tc]
        public static TcAction Run(SkBuff skb)
        {
            var packet = skb.Packet;
            if (!packet.TryRead(0, out EthernetHeader eth)) return TcAction.Ok;
            return eth.EtherType == EtherTypes.Ipv4 ? TcAction.Shot : TcAction.Ok;
        }
        """;

    [Fact]
    public void TryRead_checks_p_plus_size_against_data_end_in_64_bits()
    {
        var ir = IntrinsicHarness.Ir(ReadEthernet);
        var data = ir.ContextLoad(76);
        var check = Assert.Single(ir.BoundsChecks(ir.ContextLoad(80)));
        var end = Assert.IsType<Binary>(ir.Origin(check.Left));
        Assert.Equal((BinaryOp.Add, Width.W64, (Operand)new Imm(14)), (end.Op, end.Width, end.Right));
        Assert.Equal(data, Assert.IsType<Load>(ir.Origin((VReg)end.Left)).Dst);
    }

    [Fact]
    public void TryRead_loads_the_header_from_packet_memory_only_after_the_check()
    {
        var ir = IntrinsicHarness.Ir(ReadEthernet);
        var check = Assert.Single(ir.BoundsChecks(ir.ContextLoad(80)));
        var data = ir.ContextLoad(76);
        var checkedBlock = ir.Blocks.Single(b => b.Terminator == check);
        var packetLoads = ir.Blocks.SelectMany(b => b.Instructions.OfType<Load>().Select(l => (b.Id, Load: l)))
            .Where(x => x.Load.Base != new VReg(0)).ToList();
        Assert.NotEmpty(packetLoads);
        Assert.All(packetLoads, x => Assert.Equal(check.False, x.Id));
    }

    [Fact]
    public void Variable_offset_is_added_to_the_pointer_in_64_bits_before_the_check()
    {
        var ir = IntrinsicHarness.Ir("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                if (!packet.TryRead(14, out Ipv4Header ip)) return TcAction.Ok;
                if (!packet.TryRead(14 + ip.HeaderLength, out UdpHeader udp)) return TcAction.Ok;
                return udp.DestinationPort == 53 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        var checks = ir.BoundsChecks(ir.ContextLoad(80));
        Assert.Equal(2, checks.Count);
        var end = Assert.IsType<Binary>(ir.Origin(checks[1].Left));
        Assert.Equal((BinaryOp.Add, Width.W64, (Operand)new Imm(8)), (end.Op, end.Width, end.Right));
        var start = Assert.IsType<Binary>(ir.Origin((VReg)end.Left));
        Assert.Equal((BinaryOp.Add, Width.W64), (start.Op, start.Width));
        Assert.IsType<VReg>(start.Right);
    }

    [Fact]
    public void GetRef_is_the_checked_pointer_and_IsNull_compares_it_with_zero()
    {
        var ir = IntrinsicHarness.Ir("""
            [Xdp]
            public static XdpAction Run(XdpMd ctx)
            {
                var ip = ctx.Packet.GetRef<Ipv4Header>(14);
                if (ip.IsNull) return XdpAction.Pass;
                return ip.Value.Ttl == 1 ? XdpAction.Drop : XdpAction.Pass;
            }
            """);
        var check = Assert.Single(ir.BoundsChecks(ir.ContextLoad(4)));
        var end = Assert.IsType<Binary>(ir.Origin(check.Left));
        Assert.Equal(new Imm(34), end.Right);
        Assert.Contains(ir.Blocks.Select(b => b.Terminator).OfType<Branch>(), b => b.Condition == Condition.Eq && b.Width == Width.W64 && b.Right == new Imm(0));
        Assert.Contains(ir.All<Load>(), l => l.Base != new VReg(0) && l.Offset == 8 && l.Size == 1);
    }

    [Fact]
    public void TrySlice_compares_the_advanced_pointer_with_data_end()
    {
        var ir = IntrinsicHarness.Ir("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                var rest = packet;
                if (!packet.TrySlice(14, out rest)) return TcAction.Ok;
                return rest.Length > 20 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        var check = Assert.Single(ir.BoundsChecks(ir.ContextLoad(80)));
        var start = Assert.IsType<Binary>(ir.Origin(check.Left));
        Assert.Equal((BinaryOp.Add, Width.W64, (Operand)new Imm(14)), (start.Op, start.Width, start.Right));
    }

    [Fact]
    public void TryWrite_stores_into_packet_memory_after_the_check()
    {
        var ir = IntrinsicHarness.Ir("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                packet.TryWrite<byte>(22, 64);
                return TcAction.Ok;
            }
            """);
        var check = Assert.Single(ir.BoundsChecks(ir.ContextLoad(80)));
        var store = Assert.Single(ir.All<Store>());
        Assert.Equal((22, 1), ((int)store.Offset, store.Size));
        Assert.Contains(ir.Blocks.Single(b => b.Id == check.False).Instructions, i => i == store);
    }

    [Fact]
    public void Negative_constant_offset_is_false_without_a_packet_access()
    {
        var ir = IntrinsicHarness.Ir("""
            [Tc]
            public static TcAction Run(SkBuff skb) => skb.Packet.TryRead(-1, out byte b) ? TcAction.Shot : TcAction.Ok;
            """);
        Assert.Empty(ir.BoundsChecks(ir.ContextLoad(80)));
    }

    [Theory]
    [InlineData("ip.SourceAddress", 12, 4, 32)]
    [InlineData("ip.TotalLength", 2, 2, 16)]
    [InlineData("ip.DestinationAddress", 16, 4, 32)]
    public void Network_order_property_is_a_load_and_a_byte_swap(string expression, int offset, int size, int bits)
    {
        var ir = IntrinsicHarness.Ir($$"""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var ip = skb.Packet.GetRef<Ipv4Header>(14);
                if (ip.IsNull) return TcAction.Ok;
                return {{expression.Replace("ip.", "ip.Value.", StringComparison.Ordinal)}} == 1 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        var load = Assert.Single(ir.All<Load>(), l => l.Base != new VReg(0));
        Assert.Equal((offset, size), ((int)load.Offset, load.Size));
        Assert.Contains(ir.All<ByteSwap>(), s => s.Bits == bits && s.Src == load.Dst);
    }
}
