using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Stack load forwarding: a load from a stack slot reads the value known to be there instead.</summary>
public class StackLoadForwardingTests
{
    [Fact]
    public void A_struct_copied_through_a_temporary_is_read_from_its_source_and_the_temporary_dies()
    {
        var ir = new IrBuilder("f");
        int temporary = ir.Slot(16, 8, "copy"), local = ir.Slot(16, 8, "flow");
        var first = ir.Load(ir.Parameter(0), 8, 8);
        ir.Add(new StoreStack(temporary, 0, first, 8));
        var second = ir.Load(ir.Parameter(0), 16, 8);
        ir.Add(new StoreStack(temporary, 8, second, 8));
        foreach (int offset in new[] { 0, 8 })
        {
            var piece = ir.New();
            ir.Add(new LoadStack(piece, temporary, offset, 8));
            ir.Add(new StoreStack(local, offset, piece, 8));
        }
        var address = ir.New();
        ir.Add(new StackAddress(address, local));
        ir.Add(new CallHelper(ir.New(), 1, new Operand[] { address }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        Assert.Equal("""
            function f(params 1, registers 7)
              slot0: 16 bytes, align 8 "copy"
              slot1: 16 bytes, align 8 "flow"
            b0:
              v1 = load64 [v0+8]
              v2 = load64 [v0+16]
              store64 [slot1], v1
              store64 [slot1+8], v2
              v5 = &slot1
              call helper 1(v5)
              return 0

            """, IrPrinter.Print(DeadStackStoreElimination.Run(DeadCodeElimination.Run(CopyPropagation.Run(StackLoadForwarding.Run(ir.Build()))))));
    }

    [Fact]
    public void A_narrow_load_of_a_stored_register_reads_its_low_bytes_extended_as_the_load_would()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        var address = ir.New();
        ir.Add(new StackAddress(address, slot));
        ir.Add(new StoreStack(slot, 0, ir.Parameter(0), 2));
        var loaded = ir.New();
        ir.Add(new LoadStack(loaded, slot, 0, 2, SignExtend: true));
        ir.Return(loaded);
        var forwarded = StackLoadForwarding.Run(ir.Build());
        Assert.Equal(new Extend(loaded, ir.Parameter(0), 16, Signed: true), forwarded.Blocks[0].Instructions[2]);
    }

    [Fact]
    public void A_known_value_is_forgotten_when_a_call_may_write_the_slot_through_its_address()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "buffer");
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        var address = ir.New();
        ir.Add(new StackAddress(address, slot));
        ir.Add(new CallHelper(ir.New(), 113, new Operand[] { address, IrBuilder.Imm(8), ir.Parameter(0) }.ToEquatableArray()));
        var loaded = ir.New();
        ir.Add(new LoadStack(loaded, slot, 0, 8));
        ir.Return(loaded);
        var function = ir.Build();
        Assert.Equal(function, StackLoadForwarding.Run(function));
    }

    [Fact]
    public void A_known_value_is_forgotten_when_a_store_overlaps_its_bytes()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        ir.Add(new StoreStack(slot, 2, ir.Parameter(0), 1));
        var loaded = ir.New();
        ir.Add(new LoadStack(loaded, slot, 0, 8));
        ir.Return(loaded);
        var function = ir.Build();
        Assert.Equal(function, StackLoadForwarding.Run(function));
    }

    [Fact]
    public void A_value_known_on_only_one_incoming_path_is_not_forwarded()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        int overwrite = ir.NewBlock(), join = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(0), join, overwrite);
        ir.At(overwrite).Add(new StoreStack(slot, 0, ir.Parameter(0), 8));
        ir.Jump(join);
        var loaded = ir.New();
        ir.At(join).Add(new LoadStack(loaded, slot, 0, 8));
        ir.Return(loaded);
        var function = ir.Build();
        Assert.Equal(function, StackLoadForwarding.Run(function));
    }

    [Fact]
    public void A_register_value_is_not_forwarded_across_a_call()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        ir.Add(new StoreStack(slot, 0, ir.Parameter(0), 8));
        ir.Add(new CallHelper(ir.New(), 5, EquatableArray<Operand>.Empty));
        var loaded = ir.New();
        ir.Add(new LoadStack(loaded, slot, 0, 8));
        ir.Return(loaded);
        var function = ir.Build();
        Assert.Equal(function, StackLoadForwarding.Run(function));
    }

    [Fact]
    public void A_load_of_the_low_half_of_a_stored_register_reads_it_zero_extended()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        var address = ir.New();
        ir.Add(new StackAddress(address, slot));
        ir.Add(new StoreStack(slot, 0, ir.Parameter(0), 8));
        var low = ir.New();
        ir.Add(new LoadStack(low, slot, 0, 4));
        var high = ir.New();
        ir.Add(new LoadStack(high, slot, 4, 4));
        ir.Return(ir.Op(BinaryOp.Add, Width.W32, low, high));
        var forwarded = StackLoadForwarding.Run(ir.Build());
        Assert.Equal(new Extend(low, ir.Parameter(0), 32, Signed: false), forwarded.Blocks[0].Instructions[2]);
        Assert.Equal(new LoadStack(high, slot, 4, 4), forwarded.Blocks[0].Instructions[3]);
    }
}
