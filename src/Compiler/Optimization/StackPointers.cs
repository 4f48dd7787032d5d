using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Which of the function's own stack slots each register may point into, on any path (flow-insensitive, so a
/// register written once with a stack address counts everywhere): a <see cref="StackAddress"/> points into its slot, a value
/// computed from registers into any of theirs, a subprogram's result given a stack pointer (it may return one of its
/// arguments) into any slot, and — once a stack address is written to memory anywhere — so may any 64-bit value read from
/// memory. Parameters
/// cannot point into a frame that did not exist when they were passed, and helpers never return stack addresses, so a
/// packet, context or map-value pointer points into no slot: loads through it and helpers given it cannot touch the
/// function's slots.</summary>
internal sealed class StackPointers
{
    readonly HashSet<int>?[] slots;
    readonly bool[] anySlot;

    /// <summary>Whether a stack address is ever written to memory or passed to a subprogram, where a helper reading the
    /// memory a pointer gives it could find it and follow it to another slot.</summary>
    readonly bool addressesEscape;

    StackPointers(HashSet<int>?[] slots, bool[] anySlot, bool addressesEscape)
    {
        this.slots = slots;
        this.anySlot = anySlot;
        this.addressesEscape = addressesEscape;
    }

    public static StackPointers Compute(IrFunction function)
    {
        var instructions = function.Blocks.SelectMany(b => b.Instructions).ToList();
        var (slots, anySlot) = Propagate(function.RegisterCount, instructions, loadsMayPoint: false);
        bool MayPoint(Operand operand) => operand is VReg register && (anySlot[register.Id] || slots[register.Id] is not null);
        bool addressesEscape = instructions.Any(instruction => instruction switch
        {
            StoreStack store => MayPoint(store.Value),
            Store store => MayPoint(store.Value),
            Atomic atomic => MayPoint(atomic.Value) || atomic.Expected is { } expected && MayPoint(expected),
            CallFunction call => call.Arguments.Any(MayPoint),
            _ => false,
        });
        // Only memory a stack address was written to can hand one back.
        if (addressesEscape) (slots, anySlot) = Propagate(function.RegisterCount, instructions, loadsMayPoint: true);
        return new StackPointers(slots, anySlot, addressesEscape);
    }

    static (HashSet<int>?[] Slots, bool[] AnySlot) Propagate(int registerCount, List<IrInstruction> instructions, bool loadsMayPoint)
    {
        var slots = new HashSet<int>?[registerCount];
        var anySlot = new bool[registerCount];
        bool MayPoint(Operand operand) => operand is VReg register && (anySlot[register.Id] || slots[register.Id] is not null);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var instruction in instructions)
            {
                if (IrOperands.Defined(instruction) is not { } defined || anySlot[defined.Id]) continue;
                switch (instruction)
                {
                    case StackAddress address:
                        changed |= (slots[defined.Id] ??= []).Add(address.Slot);
                        break;
                    case Load { Size: 8 } or LoadStack { Size: 8 } or Atomic { Size: 8 } when loadsMayPoint:
                    case CallFunction call when call.Arguments.Any(MayPoint):
                        anySlot[defined.Id] = changed = true;
                        break;
                    case CallHelper or CallFunction or LoadMap or LoadGlobalAddress or LoadFunctionAddress or Load or LoadStack or Atomic:
                        break;
                    default:
                        foreach (var used in IrOperands.Uses(instruction))
                        {
                            if (anySlot[used.Id]) anySlot[defined.Id] = changed = true;
                            else if (slots[used.Id] is { } from && !from.IsSubsetOf(slots[defined.Id] ??= []))
                            {
                                slots[defined.Id]!.UnionWith(from);
                                changed = true;
                            }
                        }
                        break;
                }
            }
        }
        return (slots, anySlot);
    }

    /// <summary>Whether memory reached through <paramref name="pointers"/> (a load's or store's base, a helper's
    /// arguments) may be bytes of stack slot <paramref name="slot"/>.</summary>
    public bool MayReach(IEnumerable<VReg> pointers, int slot) => pointers.Any(pointer =>
        anySlot[pointer.Id] || slots[pointer.Id] is { } targets && (addressesEscape || targets.Contains(slot)));
}
