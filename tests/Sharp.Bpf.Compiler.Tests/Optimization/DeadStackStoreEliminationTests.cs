using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>A stack store goes only when every byte it writes is overwritten on every path before anything could read it.</summary>
public class DeadStackStoreEliminationTests
{
    static List<StoreStack> Stores(IrFunction function) => [.. function.Blocks.SelectMany(b => b.Instructions).OfType<StoreStack>()];

    /// <summary>Zeroes an 8-byte slot, then branches to two paths that each store <paramref name="bytesWritten"/> bytes from
    /// offset 0 and run <paramref name="beforeOverwrite"/> first, then read the whole slot.</summary>
    static IrFunction ZeroThenOverwrite(int bytesWritten, Func<IrBuilder, int, IrInstruction?> beforeOverwrite)
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "pair");
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        int left = ir.NewBlock(), right = ir.NewBlock(), join = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(0), left, right);
        foreach (int path in new[] { left, right })
        {
            ir.At(path);
            if (beforeOverwrite(ir, slot) is { } instruction) ir.Add(instruction);
            ir.Add(new StoreStack(slot, 0, ir.Parameter(0), bytesWritten));
            ir.Jump(join);
        }
        var value = ir.New();
        ir.At(join).Add(new LoadStack(value, slot, 0, 8));
        ir.Return(value);
        return ir.Build();
    }

    [Fact]
    public void Zeroing_overwritten_on_every_path_before_a_read_is_removed()
    {
        var result = DeadStackStoreElimination.Run(ZeroThenOverwrite(8, (_, _) => null));
        Assert.All(Stores(result), store => Assert.IsType<VReg>(store.Value));
        Assert.Equal(2, Stores(result).Count);
    }

    [Fact]
    public void Zeroing_of_bytes_left_unwritten_is_kept()
    {
        var result = DeadStackStoreElimination.Run(ZeroThenOverwrite(4, (_, _) => null));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    [Fact]
    public void Zeroing_read_before_the_overwrite_is_kept()
    {
        var result = DeadStackStoreElimination.Run(ZeroThenOverwrite(8, (ir, slot) => new LoadStack(ir.New(), slot, 4, 4)));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    [Fact]
    public void Zeroing_of_a_slot_whose_address_a_helper_may_read_first_is_kept()
    {
        var result = DeadStackStoreElimination.Run(ZeroThenOverwrite(8, (ir, slot) =>
        {
            var address = ir.New();
            ir.Add(new StackAddress(address, slot));
            return new CallHelper(ir.New(), 1, new Operand[] { address }.ToEquatableArray());
        }));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    [Fact]
    public void A_store_that_a_path_ending_in_a_return_never_reads_is_removed()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "key");
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        int early = ir.NewBlock(), late = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(0), early, late);
        ir.At(early).Return(IrBuilder.Imm(2));
        ir.At(late).Add(new StoreStack(slot, 0, ir.Parameter(0), 8));
        var address = ir.New();
        ir.Add(new StackAddress(address, slot));
        ir.Add(new CallHelper(ir.New(), 1, new Operand[] { address }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(2));
        var store = Assert.Single(Stores(DeadStackStoreElimination.Run(ir.Build())));
        Assert.Equal(ir.Parameter(0), store.Value);
    }

    /// <summary>Zeroes a slot whose address a later helper call takes, runs <paramref name="load"/> (given the slot's address
    /// register, defined only after it), overwrites the slot and calls the helper with its address.</summary>
    static IrFunction ZeroLoadOverwriteThenPass(Func<IrBuilder, VReg, IrInstruction> load)
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "key");
        var address = ir.New();
        ir.Add(new StoreStack(slot, 0, IrBuilder.Imm(0), 8));
        ir.Add(load(ir, address));
        ir.Add(new StoreStack(slot, 0, ir.Parameter(0), 8));
        ir.Add(new StackAddress(address, slot));
        ir.Add(new CallHelper(ir.New(), 1, new Operand[] { address }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Fact]
    public void A_load_through_a_packet_pointer_does_not_read_the_stack()
    {
        var result = DeadStackStoreElimination.Run(ZeroLoadOverwriteThenPass((ir, _) =>
        {
            var data = ir.New();
            ir.Add(new Load(data, ir.Parameter(0), 76, 4) { NonNull = true });
            return new Load(ir.New(), data, 12, 2);
        }));
        Assert.All(Stores(result), store => Assert.IsType<VReg>(store.Value));
    }

    [Fact]
    public void A_load_through_a_register_that_ever_holds_a_stack_address_reads_the_stack()
    {
        var result = DeadStackStoreElimination.Run(ZeroLoadOverwriteThenPass((ir, address) => new Load(ir.New(), address, 0, 4)));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    [Fact]
    public void A_load_through_a_pointer_computed_from_a_stack_address_reads_the_stack()
    {
        var result = DeadStackStoreElimination.Run(ZeroThenOverwrite(8, (ir, slot) =>
        {
            var address = ir.New();
            ir.Add(new StackAddress(address, slot));
            var field = ir.New();
            ir.Add(new Binary(BinaryOp.Add, Width.W64, field, address, IrBuilder.Imm(4)));
            return new Load(ir.New(), field, 0, 4);
        }));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    [Fact]
    public void A_helper_call_given_no_stack_pointer_does_not_read_the_stack()
    {
        var result = DeadStackStoreElimination.Run(ZeroLoadOverwriteThenPass((ir, _) => new CallHelper(ir.New(), 5, EquatableArray<Operand>.Empty)));
        Assert.All(Stores(result), store => Assert.IsType<VReg>(store.Value));
    }

    [Fact]
    public void A_helper_call_given_a_stack_pointer_reads_every_slot_whose_address_is_taken()
    {
        var result = DeadStackStoreElimination.Run(ZeroLoadOverwriteThenPass((ir, address) =>
            new CallHelper(ir.New(), 1, new Operand[] { ir.Parameter(0), address }.ToEquatableArray())));
        Assert.Contains(Stores(result), store => store.Value == new Imm(0));
    }

    /// <summary>Zeroes slot "key", calls a helper with the address of slot "other", then overwrites "key" and passes its
    /// address to a helper; <paramref name="after"/> (given the key's address register and the other slot) runs last.</summary>
    static IrFunction ZeroCallWithOtherSlotThenOverwrite(Action<IrBuilder, VReg, int> after)
    {
        var ir = new IrBuilder("f");
        int key = ir.Slot(8, 8, "key"), other = ir.Slot(8, 8, "other");
        ir.Add(new StoreStack(key, 0, IrBuilder.Imm(0), 8));
        ir.Add(new StoreStack(other, 0, ir.Parameter(0), 8));
        var otherAddress = ir.New();
        ir.Add(new StackAddress(otherAddress, other));
        ir.Add(new CallHelper(ir.New(), 1, new Operand[] { ir.Parameter(0), otherAddress }.ToEquatableArray()));
        ir.Add(new StoreStack(key, 0, ir.Parameter(0), 8));
        var keyAddress = ir.New();
        ir.Add(new StackAddress(keyAddress, key));
        ir.Add(new CallHelper(ir.New(), 1, new Operand[] { ir.Parameter(0), keyAddress }.ToEquatableArray()));
        after(ir, keyAddress, other);
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    [Fact]
    public void A_helper_given_the_address_of_one_slot_does_not_read_another()
    {
        var result = DeadStackStoreElimination.Run(ZeroCallWithOtherSlotThenOverwrite((_, _, _) => { }));
        Assert.DoesNotContain(Stores(result), store => store.Slot == 0 && store.Value == new Imm(0));
    }

    [Fact]
    public void Once_a_stack_address_is_stored_in_memory_a_helper_given_any_stack_pointer_may_read_every_slot()
    {
        var result = DeadStackStoreElimination.Run(ZeroCallWithOtherSlotThenOverwrite((ir, keyAddress, other) =>
            ir.Add(new StoreStack(other, 0, keyAddress, 8))));
        Assert.Contains(Stores(result), store => store.Slot == 0 && store.Value == new Imm(0));
    }

    [Fact]
    public void A_pointer_read_from_memory_is_not_a_stack_pointer_when_no_stack_address_is_ever_stored()
    {
        var result = DeadStackStoreElimination.Run(ZeroLoadOverwriteThenPass((ir, _) =>
        {
            var pointer = ir.Load(ir.Parameter(0), 0, 8);
            return new Load(ir.New(), pointer, 0, 4);
        }));
        Assert.All(Stores(result), store => Assert.IsType<VReg>(store.Value));
    }
}
