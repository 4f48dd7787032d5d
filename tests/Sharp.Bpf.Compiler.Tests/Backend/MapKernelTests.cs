using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Map lookups with a key built in a stack slot, the null check, in-place updates and atomics on the map value,
/// globals, and an XDP parser reading packet bytes behind bounds checks, all from hand-built IR, run in the kernel.</summary>
public class MapKernelTests
{
    const int MapLookupElem = 1;

    /// <summary>A 4-entry array map of 32-byte values: sum, count, last exchanged, compare-exchange cell.</summary>
    static void DeclareTotals(BpfObjectBuilder builder, uint _) =>
        builder.AddMap(new MapDefinition("totals", MapType.Array, 4) { KeySize = 4, ValueSize = 32 });

    /// <summary>totals[packet[0] &amp; 7]: sum += a (load, add, store), count += 1 (atomic add); the old count goes to the packet.
    /// Returns 0, or 2 when the key is out of range and the lookup gives null.</summary>
    static IrFunction Accumulate()
    {
        var (ir, data) = KernelHarness.CheckedPacket("accumulate", 24);
        var key = ir.Slot(4, 4, "key");
        var index = ir.Op(BinaryOp.And, Width.W32, ir.Load(data, 0, 1), IrBuilder.Imm(7));
        ir.Add(new StoreStack(key, 0, index, 4));
        var amount = ir.Load(data, 8, 8);
        var map = ir.New();
        ir.Add(new LoadMap(map, "totals"));
        var keyAddress = ir.New();
        ir.Add(new StackAddress(keyAddress, key));
        var value = ir.New();
        ir.Add(new CallHelper(value, MapLookupElem, new Operand[] { map, keyAddress }.ToEquatableArray()));
        int found = ir.NewBlock(), missing = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, value, IrBuilder.Imm(0), missing, found);
        ir.At(missing).Return(IrBuilder.Imm(2));
        ir.At(found);
        var sum = ir.Op(BinaryOp.Add, Width.W64, ir.Load(value, 0, 8), amount);
        ir.Add(new Store(value, 0, sum, 8));
        var oldCount = ir.New();
        ir.Add(new Atomic(AtomicOp.Add, value, 8, IrBuilder.Imm(1), 8, oldCount));
        var exchanged = ir.New();
        ir.Add(new Atomic(AtomicOp.Exchange, value, 16, amount, 8, exchanged));
        var previous = ir.New();
        ir.Add(new Atomic(AtomicOp.CompareExchange, value, 24, IrBuilder.Imm(1), 4, previous, IrBuilder.Imm(0)));
        ir.Add(new Atomic(AtomicOp.Or, value, 28, IrBuilder.Imm(0x100), 4));
        var report = ir.Op(BinaryOp.Add, Width.W64, ir.Op(BinaryOp.Lsh, Width.W64, oldCount, IrBuilder.Imm(32)),
            ir.Op(BinaryOp.Add, Width.W64, exchanged, previous));
        ir.Add(new Store(data, 16, report, 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lookup_null_check_and_in_place_updates_change_the_map(bool isaV4)
    {
        Privileged.RequireRoot();
        using var collection = KernelHarness.Load([KernelHarness.Compile(Accumulate(), new(isaV4))], declare: DeclareTotals);
        var program = collection.Programs["accumulate"];
        Assert.Equal(0x0000_0000_0000_0000ul + 0 + 0, KernelHarness.RunPacket(program, 2, 5));
        Assert.Equal((1ul << 32) + 5 + 1, KernelHarness.RunPacket(program, 2, 7));
        Assert.Equal((2ul << 32) + 7 + 1, KernelHarness.RunPacket(program, 2, 30));
        var value = new byte[32];
        collection.Maps["totals"].Lookup(BitConverter.GetBytes(2u), value);
        Assert.Equal(42ul, BitConverter.ToUInt64(value, 0));
        Assert.Equal(3ul, BitConverter.ToUInt64(value, 8));
        Assert.Equal(30ul, BitConverter.ToUInt64(value, 16));
        Assert.Equal(1u, BitConverter.ToUInt32(value, 24));
        Assert.Equal(0x100u, BitConverter.ToUInt32(value, 28));
        var frame = new byte[64];
        frame[0] = 6;
        Assert.Equal(2u, program.Test(new ProgramTestOptions { Data = frame }).ReturnValue);
    }

    /// <summary>XDP: drop IPv4 TCP, pass everything else, abort frames too short for their headers (bounds checks on every path).</summary>
    static IrFunction ParseFrame()
    {
        var ir = new IrBuilder("parse");
        var data = ir.Load(ir.Parameter(0), 0, 4);
        var end = ir.Load(ir.Parameter(0), 4, 4);
        var ethernetEnd = ir.Op(BinaryOp.Add, Width.W64, data, IrBuilder.Imm(14));
        int ethernet = ir.NewBlock(), abort = ir.NewBlock(), ipv4 = ir.NewBlock(), ip = ir.NewBlock(), pass = ir.NewBlock(), drop = ir.NewBlock();
        ir.Branch(Condition.Ugt, Width.W64, ethernetEnd, end, abort, ethernet);
        ir.At(abort).Return(IrBuilder.Imm(0));
        ir.At(ethernet);
        var etherType = ir.New();
        ir.Add(new ByteSwap(etherType, ir.Load(data, 12, 2), 16));
        ir.Branch(Condition.Ne, Width.W32, etherType, IrBuilder.Imm(0x0800), pass, ipv4);
        ir.At(ipv4);
        var ipEnd = ir.Op(BinaryOp.Add, Width.W64, data, IrBuilder.Imm(34));
        ir.Branch(Condition.Ugt, Width.W64, ipEnd, end, abort, ip);
        ir.At(ip);
        var protocol = ir.Load(data, 23, 1);
        ir.Branch(Condition.Eq, Width.W32, protocol, IrBuilder.Imm(6), drop, pass);
        ir.At(pass).Return(IrBuilder.Imm(2));
        ir.At(drop).Return(IrBuilder.Imm(1));
        return ir.Build();
    }

    [Fact]
    public void Xdp_parser_reads_packet_bytes_behind_bounds_checks()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(CollectionSpec.Read(KernelHarness.BuildObject([KernelHarness.Compile(ParseFrame())], section: "xdp")));
        var program = collection.Programs["parse"];
        byte[] Frame(ushort etherType, byte protocol, int length)
        {
            var frame = new byte[length];
            frame[12] = (byte)(etherType >> 8);
            frame[13] = (byte)etherType;
            if (length > 23) frame[23] = protocol;
            return frame;
        }
        Assert.Equal(1u, program.Test(new ProgramTestOptions { Data = Frame(0x0800, 6, 64) }).ReturnValue);
        Assert.Equal(2u, program.Test(new ProgramTestOptions { Data = Frame(0x0800, 17, 64) }).ReturnValue);
        Assert.Equal(2u, program.Test(new ProgramTestOptions { Data = Frame(0x0806, 6, 64) }).ReturnValue);
        Assert.Equal(0u, program.Test(new ProgramTestOptions { Data = Frame(0x0800, 6, 20) }).ReturnValue);
    }

    [Fact]
    public void Global_address_load_reads_and_writes_a_data_section_variable()
    {
        Privileged.RequireRoot();
        var (ir, data) = KernelHarness.CheckedPacket("bump", 24);
        var counter = ir.New();
        ir.Add(new LoadGlobalAddress(counter, "counter"));
        var next = ir.Op(BinaryOp.Add, Width.W64, ir.Load(counter, 0, 8), ir.Load(data, 0, 8));
        ir.Add(new Store(counter, 0, next, 8));
        ir.Add(new Store(data, 16, next, 8));
        ir.Return(IrBuilder.Imm(0));
        using var collection = KernelHarness.Load([KernelHarness.Compile(ir.Build())], declare: (builder, _) =>
        {
            uint u64 = builder.AddType(new Btf.BtfInt("unsigned long long", 8, Btf.BtfIntEncoding.None, 0, 64));
            builder.AddGlobal(new GlobalDefinition("counter", ".data", u64) { InitialValue = BitConverter.GetBytes(100ul) });
        });
        Assert.Equal(103ul, KernelHarness.RunPacket(collection.Programs["bump"], 3, 0));
        Assert.Equal(110ul, KernelHarness.RunPacket(collection.Programs["bump"], 7, 0));
    }
}
