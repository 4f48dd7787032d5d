using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Places the stack slots the code refers to below r10: most-aligned first, each at an offset aligned to its alignment;
/// slots nothing refers to (scalar-replaced ones) take no space.</summary>
internal sealed class StackLayout
{
    /// <summary>The eBPF stack limit per frame.</summary>
    public const int MaxBytes = 512;

    StackLayout(int[] offsets, int bytes)
    {
        Offsets = offsets;
        Bytes = bytes;
    }

    /// <summary>Each slot's offset from r10 (negative), or 0 for slots not laid out.</summary>
    public int[] Offsets { get; }

    /// <summary>The frame size, a multiple of 8.</summary>
    public int Bytes { get; }

    public static StackLayout Compute(IrFunction function)
    {
        var referenced = new bool[function.StackSlots.Count];
        foreach (var block in function.Blocks)
            foreach (var instruction in block.Instructions)
                switch (instruction)
                {
                    case LoadStack l: referenced[l.Slot] = true; break;
                    case StoreStack s: referenced[s.Slot] = true; break;
                    case StackAddress a: referenced[a.Slot] = true; break;
                }
        var offsets = new int[function.StackSlots.Count];
        int used = 0;
        // Every slot starts 8-aligned whatever its C# alignment: the lowering zeroes and copies structs with the widest
        // stores that fit, and the verifier refuses a stack access that is not aligned to its own size.
        foreach (var slot in function.StackSlots.Where(s => referenced[s.Id]).OrderBy(s => s.Id))
        {
            used = AlignUp(used + slot.Size, 8);
            offsets[slot.Id] = -used;
        }
        return new StackLayout(offsets, AlignUp(used, 8));
    }

    static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
