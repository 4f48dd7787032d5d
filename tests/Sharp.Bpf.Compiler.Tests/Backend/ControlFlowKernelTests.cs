using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Branches on every condition at both widths, loops, BPF-to-BPF and helper calls with values live across them, and
/// register pressure that forces spills, compiled from hand-built IR and run in the kernel.</summary>
public class ControlFlowKernelTests
{
    static bool Holds(Condition condition, int bits, ulong a, ulong b)
    {
        if (bits == 32) (a, b) = ((uint)a, (uint)b);
        long sa = bits == 32 ? (int)a : (long)a, sb = bits == 32 ? (int)b : (long)b;
        return condition switch
        {
            Condition.Eq => a == b, Condition.Ne => a != b,
            Condition.Ugt => a > b, Condition.Uge => a >= b, Condition.Ult => a < b, Condition.Ule => a <= b,
            Condition.Sgt => sa > sb, Condition.Sge => sa >= sb, Condition.Slt => sa < sb, Condition.Sle => sa <= sb,
            _ => (a & b) != 0,
        };
    }

    /// <summary>Stores 1 when the branch is taken, 0 otherwise.</summary>
    static IrFunction BranchFunction(string name, Condition condition, Width width, bool constantRight, long constant)
    {
        var (ir, data) = KernelHarness.CheckedPacket(name, 24);
        var a = ir.Load(data, 0, 8);
        var b = ir.Load(data, 8, 8);
        int taken = ir.NewBlock(), notTaken = ir.NewBlock(), join = ir.NewBlock();
        var flag = ir.New();
        ir.Branch(condition, width, a, constantRight ? IrBuilder.Imm(constant) : b, taken, notTaken);
        ir.At(taken).Add(new Move(flag, IrBuilder.Imm(1))).Jump(join);
        ir.At(notTaken).Add(new Move(flag, IrBuilder.Imm(0))).Jump(join);
        ir.At(join).Add(new Store(data, 16, flag, 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Every_condition_branches_like_csharp_compares(int bits)
    {
        Privileged.RequireRoot();
        var width = bits == 32 ? Width.W32 : Width.W64;
        long[] constants = [0, 7, -1, int.MinValue, 0x1_2345_6789];
        var functions = new List<CompiledFunction>();
        foreach (var condition in Enum.GetValues<Condition>())
        {
            functions.Add(KernelHarness.Compile(BranchFunction($"{condition}_rr", condition, width, false, 0)));
            for (int i = 0; i < constants.Length; i++)
                functions.Add(KernelHarness.Compile(BranchFunction($"{condition}_ri{i}", condition, width, true, constants[i])));
        }
        using var collection = KernelHarness.Load(functions);
        var operands = AluReference.Operands(12, seed: bits).ToArray();
        var mismatches = new List<string>();
        foreach (var condition in Enum.GetValues<Condition>())
        {
            foreach (ulong a in operands)
                foreach (ulong b in operands)
                    Check($"{condition}_rr", a, b);
            for (int i = 0; i < constants.Length; i++)
                foreach (ulong a in operands)
                    Check($"{condition}_ri{i}", a, (ulong)constants[i]);

            void Check(string name, ulong a, ulong b)
            {
                ulong actual = KernelHarness.RunPacket(collection.Programs[name], a, b);
                ulong expected = Holds(condition, bits, a, b) ? 1u : 0u;
                if (actual != expected) mismatches.Add($"{name}: {condition}.{bits}(0x{a:x}, 0x{b:x}) = {actual}, C# {expected}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    /// <summary>sum of i*i for i in 0..(packet[0] &amp; 63), a loop whose bound the verifier sees.</summary>
    [Fact]
    public void Loop_sums_squares_up_to_a_packet_byte()
    {
        Privileged.RequireRoot();
        var (ir, data) = KernelHarness.CheckedPacket("squares", 24);
        var n = ir.Op(BinaryOp.And, Width.W64, ir.Load(data, 0, 1), IrBuilder.Imm(63));
        var i = ir.Const(0);
        var sum = ir.Const(0);
        int head = ir.NewBlock(), body = ir.NewBlock(), exit = ir.NewBlock();
        ir.Jump(head);
        ir.At(head).Branch(Condition.Ult, Width.W64, i, n, body, exit);
        ir.At(body);
        var square = ir.Op(BinaryOp.Mul, Width.W64, i, i);
        ir.Add(new Binary(BinaryOp.Add, Width.W64, sum, sum, square));
        ir.Add(new Binary(BinaryOp.Add, Width.W64, i, i, IrBuilder.Imm(1)));
        ir.Jump(head);
        ir.At(exit).Add(new Store(data, 16, sum, 8));
        ir.Return(IrBuilder.Imm(0));
        using var collection = KernelHarness.Load([KernelHarness.Compile(ir.Build())]);
        foreach (ulong count in new ulong[] { 0, 1, 2, 10, 63, 64 + 5, 255 })
        {
            ulong expected = 0;
            for (ulong k = 0; k < (count & 63); k++) expected += k * k;
            Assert.Equal(expected, KernelHarness.RunPacket(collection.Programs["squares"], count, 0));
        }
    }

    /// <summary><c>combine(a, b, c) = a * b - c</c>, a static subprogram.</summary>
    static IrFunction Combine()
    {
        var ir = new IrBuilder("combine", 3);
        var product = ir.Op(BinaryOp.Mul, Width.W64, ir.Parameter(0), ir.Parameter(1));
        ir.Return(ir.Op(BinaryOp.Sub, Width.W64, product, ir.Parameter(2)));
        return ir.Build();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Values_stay_live_across_helper_and_subprogram_calls(bool optimize)
    {
        Privileged.RequireRoot();
        const int KtimeGetNs = 5;
        var (ir, data) = KernelHarness.CheckedPacket("calls", 24);
        var a = ir.Load(data, 0, 8);
        var b = ir.Load(data, 8, 8);
        var x = ir.Op(BinaryOp.Mul, Width.W64, a, IrBuilder.Imm(3));
        var y = ir.Op(BinaryOp.Xor, Width.W64, b, IrBuilder.Imm(5));
        var z = ir.Op(BinaryOp.Add, Width.W64, a, b);
        ir.Add(new CallHelper(ir.New(), KtimeGetNs, EquatableArray<Operand>.Empty));
        var combined = ir.New();
        ir.Add(new CallFunction(combined, "combine", new Operand[] { y, x, IrBuilder.Imm(7) }.ToEquatableArray()));
        var again = ir.New();
        ir.Add(new CallFunction(again, "combine", new Operand[] { combined, z, a }.ToEquatableArray()));
        var result = ir.Op(BinaryOp.Add, Width.W64, ir.Op(BinaryOp.Add, Width.W64, again, x), ir.Op(BinaryOp.Add, Width.W64, y, z));
        ir.Add(new Store(data, 16, result, 8));
        ir.Return(IrBuilder.Imm(0));
        using var collection = KernelHarness.Load([KernelHarness.Compile(ir.Build(), optimize: optimize)], [KernelHarness.Compile(Combine(), optimize: optimize)]);
        foreach (ulong av in AluReference.Operands(10, 1))
            foreach (ulong bv in AluReference.Operands(3, 2))
            {
                ulong xv = av * 3, yv = bv ^ 5, zv = av + bv;
                ulong first = yv * xv - 7;
                ulong expected = first * zv - av + xv + yv + zv;
                Assert.Equal(expected, KernelHarness.RunPacket(collection.Programs["calls"], av, bv));
            }
    }

    /// <summary>Twelve values loaded from the packet stay live across a helper call (only r6..r9 survive calls), or fourteen
    /// stay live without one: both need spills to 8-byte stack slots, including the packet pointer itself.</summary>
    [Theory]
    [InlineData(12, true)]
    [InlineData(14, false)]
    public void Register_pressure_spills_and_reloads_correctly(int count, bool callInBetween)
    {
        Privileged.RequireRoot();
        var (ir, data) = KernelHarness.CheckedPacket("pressure", 8 * count + 8);
        var values = Enumerable.Range(0, count).Select(i => ir.Load(data, (short)(8 * i), 8)).ToList();
        if (callInBetween) ir.Add(new CallHelper(null, 5, EquatableArray<Operand>.Empty));
        Operand total = IrBuilder.Imm(0);
        for (int i = 0; i < count; i++)
            total = ir.Op(BinaryOp.Xor, Width.W64, ir.Op(BinaryOp.Mul, Width.W64, values[i], IrBuilder.Imm(i + 1)), ir.Op(BinaryOp.Lsh, Width.W64, total, IrBuilder.Imm(1)));
        ir.Add(new Store(data, (short)(8 * count), total, 8));
        ir.Return(IrBuilder.Imm(0));
        var compiled = KernelHarness.Compile(ir.Build(), optimize: false);
        Assert.True(compiled.StackBytes > 0, "expected spill slots");
        using var collection = KernelHarness.Load([compiled]);
        var random = new Random(count);
        for (int run = 0; run < 20; run++)
        {
            var frame = new byte[8 * count + 8];
            random.NextBytes(frame);
            ulong expected = 0;
            for (int i = 0; i < count; i++) expected = BitConverter.ToUInt64(frame, 8 * i) * (ulong)(i + 1) ^ (expected << 1);
            var output = KernelHarness.RunFrame(collection.Programs["pressure"], frame);
            Assert.Equal(expected, BitConverter.ToUInt64(output, 8 * count));
        }
    }
}
