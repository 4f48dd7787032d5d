using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Places the stack slots the code refers to below r10; slots nothing refers to (scalar-replaced ones) take no space.
/// Slots share their bytes when their values are never needed at the same time and no pointer to them escapes
/// (<see cref="StackSlotLiveness"/>): spill slots, struct temporaries and map keys of different parts of a function. The places closest to r10 go to the
/// slots accessed most per byte, since the x86-64 JIT encodes a frame offset down to -128 in one byte and a further one in four.</summary>
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
        var accesses = new int[function.StackSlots.Count];
        foreach (var block in function.Blocks)
            foreach (var instruction in block.Instructions)
                switch (instruction)
                {
                    case LoadStack l: accesses[l.Slot]++; break;
                    case StoreStack s: accesses[s.Slot]++; break;
                    case StackAddress a: accesses[a.Slot]++; break;
                }
        var places = Share(function, accesses);
        var offsets = new int[function.StackSlots.Count];
        int used = 0;
        // Every place starts 8-aligned whatever its C# alignment: the lowering zeroes and copies structs with the widest
        // stores that fit, and the verifier refuses a stack access that is not aligned to its own size.
        foreach (var place in places.OrderByDescending(p => (double)p.Accesses / p.Size).ThenBy(p => p.Slots[0]))
        {
            used = AlignUp(used + place.Size, 8);
            foreach (int slot in place.Slots) offsets[slot] = -used;
        }
        return new StackLayout(offsets, AlignUp(used, 8));
    }

    /// <summary>A range of frame bytes and the slots that use it.</summary>
    sealed record Place(List<int> Slots, int Size)
    {
        public int Accesses { get; set; }
    }

    /// <summary>Groups the referenced slots into places: a slot whose address escapes has its own; any other joins the first place
    /// of slots at least its size whose values are never live when its own is.</summary>
    static List<Place> Share(IrFunction function, int[] accesses)
    {
        var liveness = StackSlotLiveness.Compute(function);
        var places = new List<Place>();
        var shareable = new List<Place>();
        var referenced = function.StackSlots.Where(s => accesses[s.Id] > 0).ToList();
        foreach (var slot in referenced.Where(s => liveness[s.Id] is not { Length: > 0 }))
            places.Add(new Place([slot.Id], slot.Size) { Accesses = accesses[slot.Id] });
        foreach (var slot in referenced.Where(s => liveness[s.Id] is { Length: > 0 }).OrderBy(s => liveness[s.Id]![0].Start).ThenBy(s => s.Id))
        {
            var segments = liveness[slot.Id]!;
            var place = shareable.FirstOrDefault(p => p.Size >= slot.Size
                && p.Slots.All(other => liveness[other]![^1].End < segments[0].Start || !StackSlotLiveness.Overlap(liveness[other]!, segments)));
            if (place is null)
            {
                place = new Place([], AlignUp(slot.Size, 8));
                shareable.Add(place);
                places.Add(place);
            }
            place.Slots.Add(slot.Id);
            place.Accesses += accesses[slot.Id];
        }
        return places;
    }

    static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
