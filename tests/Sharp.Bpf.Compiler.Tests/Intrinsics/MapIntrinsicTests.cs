using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Map methods call their helper with the map (<c>LoadMap</c> by field name), keys and values by stack address.</summary>
public class MapIntrinsicTests
{
    const string Maps = """
        static readonly HashMap<uint, ulong> Counts = new(maxEntries: 16);
        static readonly ArrayMap<Pair> Pairs = new(maxEntries: 4);
        static readonly RingBuffer<Pair> Events = new(sizeBytes: 4096);
        static readonly PerfEventArray<Pair> Perf = new();
        static readonly QueueMap<uint> Queue = new(maxEntries: 8);
        static readonly ProgramArray Programs = new(maxEntries: 2);

        """;

    static IrFunction Ir(string body) => IntrinsicHarness.Ir(Maps + "[Tc] public static TcAction Run(SkBuff skb)\n{\n" + body + "\n}");

    [Theory]
    [InlineData("Counts.Lookup(5).IsNull", 1, "Counts", 2)]
    [InlineData("Counts.TryGetValue(5, out var v)", 1, "Counts", 2)]
    [InlineData("Counts.Update(5, 7) == 0", 2, "Counts", 4)]
    [InlineData("Counts.Delete(5) == 0", 3, "Counts", 2)]
    [InlineData("Pairs.Lookup(1).HasValue", 1, "Pairs", 2)]
    [InlineData("Pairs.TryGetValue(1, out var p)", 1, "Pairs", 2)]
    [InlineData("Queue.Push(3) == 0", 87, "Queue", 3)]
    [InlineData("Queue.TryPop(out var q)", 88, "Queue", 2)]
    [InlineData("Queue.TryPeek(out var q)", 89, "Queue", 2)]
    [InlineData("Events.TryOutput(new Pair { A = 1 })", 130, "Events", 4)]
    [InlineData("Perf.Output(skb, new Pair { A = 1 }) == 0", 25, "Perf", 5)]
    public void Map_method_calls_its_helper_with_the_map_first(string condition, int helper, string map, int argumentCount)
    {
        var ir = Ir($"if ({condition}) return TcAction.Shot;\nreturn TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        Assert.Equal((helper, argumentCount), (call.HelperId, call.Arguments.Count));
        var mapArgument = helper == 25 ? call.Arguments[1] : call.Arguments[0];
        Assert.Equal(map, Assert.IsType<LoadMap>(ir.Origin((VReg)mapArgument)).MapName);
    }

    [Fact]
    public void Lookup_key_is_passed_by_stack_address()
    {
        var ir = Ir("if (Counts.Lookup(5).IsNull) return TcAction.Shot;\nreturn TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        var key = Assert.IsType<StackAddress>(ir.Origin((VReg)call.Arguments[1]));
        Assert.Equal(4, ir.StackSlots[key.Slot].Size);
    }

    [Fact]
    public void TryGetValue_null_checks_then_copies_the_value()
    {
        var ir = Ir("if (!Counts.TryGetValue(5, out var v)) return TcAction.Ok;\nreturn v == 3 ? TcAction.Shot : TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        var nullCheck = Assert.Single(ir.Blocks.Select(b => b.Terminator).OfType<Branch>(), b => b.Left == call.Dst && b.Condition == Condition.Eq && b.Right == new Imm(0));
        var present = ir.Blocks.Single(b => b.Id == nullCheck.False);
        Assert.Contains(present.Instructions.OfType<Load>(), l => l.Base == call.Dst && l.Size == 8);
    }

    [Fact]
    public void Lookup_Value_increment_updates_the_map_value_in_place()
    {
        var ir = Ir("var slot = Counts.Lookup(5);\nif (slot.IsNull) return TcAction.Ok;\nslot.Value++;\nreturn TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        Assert.Contains(ir.All<Store>(), s => ir.Origin(s.Base) == ir.Definition(call.Dst!) && s.Size == 8);
    }

    [Fact]
    public void Reserve_and_Submit_call_ringbuf_reserve_with_the_record_size_and_submit_with_the_pointer()
    {
        var ir = Ir("var r = Events.Reserve();\nif (r.IsNull) return TcAction.Ok;\nr.Value.A = 1;\nr.Submit();\nreturn TcAction.Ok;");
        var calls = ir.Calls();
        Assert.Equal([131, 132], calls.Select(c => c.HelperId));
        Assert.Equal(new Imm(8), calls[0].Arguments[1]);
        Assert.Equal(ir.Definition(calls[0].Dst!), ir.Origin((VReg)calls[1].Arguments[0]));
    }

    [Fact]
    public void TailCall_passes_context_map_and_index()
    {
        var ir = Ir("if (Programs.TailCall(skb, 1, out TcAction result)) return result;\nreturn TcAction.Ok;");
        var call = Assert.Single(ir.Calls());
        Assert.Equal(12, call.HelperId);
        Assert.Equal(new VReg(0), call.Arguments[0]);
        Assert.Equal("Programs", Assert.IsType<LoadMap>(ir.Origin((VReg)call.Arguments[1])).MapName);
    }

    [Fact]
    public void Atomic_Add_on_a_map_value_is_an_atomic_add_through_the_lookup_pointer()
    {
        var ir = Ir("var slot = Counts.Lookup(5);\nif (slot.IsNull) return TcAction.Ok;\nAtomic.Add(ref slot.Value, 1UL);\nreturn TcAction.Ok;");
        var atomic = Assert.Single(ir.All<Atomic>());
        Assert.Equal((AtomicOp.Add, 8, false), (atomic.Op, atomic.Size, atomic.Fetch));
        Assert.Equal(ir.Definition(Assert.Single(ir.Calls()).Dst!), ir.Origin(atomic.Base));
    }

    [Fact]
    public void Global_is_read_through_its_address()
    {
        var ir = IntrinsicHarness.Ir("static uint Threshold;\n[Tc] public static TcAction Run(SkBuff skb) => skb.Len > Threshold ? TcAction.Shot : TcAction.Ok;");
        var address = Assert.Single(ir.All<LoadGlobalAddress>());
        Assert.Equal("Threshold", address.GlobalName);
        Assert.Contains(ir.All<Load>(), l => l.Base == address.Dst && l.Size == 4);
    }
}
