using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Whole functions through the optimiser and the backend, compared with their llvm-objdump-syntax listing: the shapes
/// the verifier needs (register-register packet compare, null check after a lookup) and the code size that matters.</summary>
public class DisassemblySnapshotTests
{
    static string Listing(IrFunction function, bool isaV4 = false)
    {
        var compiled = FunctionCompiler.Compile(Optimizer.Optimize(function), new BackendOptions(isaV4)).Function!;
        return string.Join("\n", compiled.Instructions.Select(i => i.ToString())) + "\n";
    }

    /// <summary><c>s = s * 31 + (i ^ (s &gt;&gt; 3))</c> for i below n, lowered as C# assignments are: into a temporary, then a copy.</summary>
    [Fact]
    public void A_loop_keeps_its_variables_in_registers_without_copies()
    {
        var ir = new IrBuilder("hash_loop");
        var s = ir.Const(0);
        var i = ir.Const(0);
        int head = ir.NewBlock(), body = ir.NewBlock(), exit = ir.NewBlock();
        ir.Jump(head);
        ir.At(head).Branch(Condition.Ult, Width.W64, i, ir.Parameter(0), body, exit);
        ir.At(body);
        var next = ir.Op(BinaryOp.Add, Width.W64, ir.Op(BinaryOp.Mul, Width.W64, s, IrBuilder.Imm(31)),
            ir.Op(BinaryOp.Xor, Width.W64, i, ir.Op(BinaryOp.Rsh, Width.W64, s, IrBuilder.Imm(3))));
        ir.Add(new Move(s, next));
        var incremented = ir.Op(BinaryOp.Add, Width.W64, i, IrBuilder.Imm(1));
        ir.Add(new Move(i, incremented));
        ir.Jump(head);
        ir.At(exit).Return(s);
        Assert.Equal("""
            r0 = 0x0
            r2 = 0x0
            if r2 < r1 goto +0x1
            exit
            r3 = r0
            r3 *= 0x1f
            r0 >>= 0x3
            r0 ^= r2
            r0 += r3
            r2 += 0x1
            goto -0x9

            """, Listing(ir.Build()));
    }

    [Fact]
    public void A_packet_read_compares_pointer_registers_in_64_bits_before_loading()
    {
        var function = KernelHarness.PacketFunction("add", (ir, a, b) => ir.Op(BinaryOp.Add, Width.W64, a, b));
        Assert.Equal("""
            w2 = *(u32 *)(r1 + 0x4c)
            w1 = *(u32 *)(r1 + 0x50)
            r3 = r2
            r3 += 0x18
            if r3 > r1 goto +0x6
            r1 = *(u64 *)(r2 + 0x0)
            r3 = *(u64 *)(r2 + 0x8)
            r1 += r3
            *(u64 *)(r2 + 0x10) = r1
            r0 = 0x0
            exit
            r0 = 0x1
            exit

            """, Listing(function));
    }

    /// <summary>A map lookup keyed by a stack slot, its null check, and an increment of the value in place.</summary>
    [Fact]
    public void A_map_lookup_passes_the_key_address_and_checks_for_null()
    {
        var ir = new IrBuilder("count");
        int key = ir.Slot(4, 4, "key");
        ir.Add(new StoreStack(key, 0, ir.Load(ir.Parameter(0), 0, 4), 4));
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        var address = ir.New();
        ir.Add(new StackAddress(address, key));
        var value = ir.New();
        ir.Add(new CallHelper(value, 1, new Operand[] { map, address }.ToEquatableArray()));
        int found = ir.NewBlock(), done = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, value, IrBuilder.Imm(0), done, found);
        ir.At(found).Add(new Atomic(AtomicOp.Add, value, 0, IrBuilder.Imm(1), 8)).Jump(done);
        ir.At(done).Return(IrBuilder.Imm(2));
        Assert.Equal("""
            w1 = *(u32 *)(r1 + 0x0)
            *(u32 *)(r10 - 0x8) = w1
            r1 = 0x0 ll
            r2 = r10
            r2 += -0x8
            call 0x1
            if r0 == 0x0 goto +0x2
            r1 = 0x1
            lock *(u64 *)(r0 + 0x0) += r1
            r0 = 0x2
            exit

            """, Listing(ir.Build()));
    }
}
