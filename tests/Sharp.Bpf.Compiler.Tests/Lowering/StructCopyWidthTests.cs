using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Tests.Intrinsics;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>Struct copies and zeroing take their access width from where the bytes are, not from the type's alignment: stack
/// slots are 8-aligned, packets and map values may be accessed unaligned, context loads must be aligned to their offset.</summary>
public class StructCopyWidthTests
{
    const string Types = """
        public struct Key { public Ipv6Address Source; public Ipv6Address Destination; public ushort Port; }
        static readonly HashMap<Key, ulong> Counts = new(64);
        static readonly ArrayMap<Key> Last = new(1);

        """;

    [Fact]
    public void Byte_array_copied_between_stack_variables_moves_8_bytes_at_a_time()
    {
        var ir = IntrinsicHarness.Ir(Types + """
            [Xdp] public static XdpAction Run(XdpMd ctx)
            {
                Key first = default;
                first.Source[3] = (byte)ctx.IngressIfindex;
                Key second = default;
                second.Destination = first.Source;
                Counts.Update(second, 1);
                return XdpAction.Pass;
            }
            """);
        var first = Assert.Single(ir.StackSlots, slot => slot.Name == "first").Id;
        Assert.Equal([8, 8], ir.All<LoadStack>().Where(l => l.Slot == first).Select(l => l.Size));
    }

    [Fact]
    public void Header_read_from_a_packet_into_a_map_value_moves_8_bytes_at_a_time()
    {
        var ir = IntrinsicHarness.Ir(Types + """
            [Xdp] public static XdpAction Run(XdpMd ctx)
            {
                if (!ctx.Packet.TryRead(14, out Ipv6Header ip)) return XdpAction.Pass;
                var last = Last.Lookup(0);
                if (last.IsNull) return XdpAction.Pass;
                last.Value.Source = ip.Source;
                return XdpAction.Pass;
            }
            """);
        Assert.All(ir.All<Load>().Where(l => l.Base != new VReg(0)), load => Assert.Equal(8, load.Size));
        Assert.All(ir.All<Store>(), store => Assert.Equal(8, store.Size));
    }

    [Fact]
    public void Struct_assigned_default_is_zeroed_in_place()
    {
        var ir = IntrinsicHarness.Ir(Types + """
            [Xdp] public static XdpAction Run(XdpMd ctx)
            {
                var key = new Key();
                key.Port = (ushort)ctx.IngressIfindex;
                Counts.Update(key, 1);
                return XdpAction.Pass;
            }
            """);
        Assert.Single(ir.StackSlots, slot => slot.Size == 34);
        Assert.Empty(ir.All<LoadStack>());
    }

    [Fact]
    public void Context_record_copy_is_aligned_to_its_context_offsets()
    {
        var ir = IntrinsicHarness.Ir("""
            public struct Path { public unsafe fixed byte Bytes[16]; }
            public struct Record { public TracepointCommonFields Common; public uint Location; public Path Path; }
            static readonly ArrayMap<Path> Paths = new(1);
            [Tracepoint("sched", "sched_process_exec")]
            public static int Run(in Record record)
            {
                Paths.Update(0, record.Path);
                return 0;
            }
            """);
        var loads = ir.All<Load>().Where(l => l.Base == new VReg(0)).ToList();
        Assert.Equal([(12, 4), (16, 4), (20, 4), (24, 4)], loads.Select(l => ((int)l.Offset, l.Size)));
    }
}
