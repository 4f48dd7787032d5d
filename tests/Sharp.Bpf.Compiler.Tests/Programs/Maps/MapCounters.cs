namespace Sharp.Bpf.Compiler.Tests.Programs.Maps;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Map values used as integers: a hash lookup with insert-or-increment in place whose value is returned, and array
/// slots (with out-of-range indexes that the lookup refuses) accumulated with +=. The harness compares the maps after
/// every run.</summary>
[BpfObject(License = "GPL")]
public static partial class MapCounters
{
    /// <summary>Counts per key (the low 4 bits of A).</summary>
    public static readonly HashMap<uint, ulong> Counts = new(maxEntries: 64);

    /// <summary>Sixteen accumulators.</summary>
    public static readonly ArrayMap<long> Slots = new(maxEntries: 16);

    /// <summary>Looks the key up; inserts 1 when missing, else increments in place; returns the count.</summary>
    [Xdp]
    public static XdpAction HashCounter(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        uint key = (uint)p.A & 15;
        var count = Counts.Lookup(key);
        if (count.IsNull)
        {
            Counts.Update(key, 1UL);
            return (XdpAction)1;
        }
        count.Value++;
        return (XdpAction)(uint)count.Value;
    }

    /// <summary>Adds B to slot A &amp; 31 (half the indexes are out of range: the lookup is null).</summary>
    [Xdp]
    public static XdpAction ArraySlots(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        var slot = Slots.Lookup((uint)p.A & 31);
        if (slot.IsNull) return XdpAction.Drop;
        slot.Value += p.B;
        return (XdpAction)(int)(slot.Value >> 8);
    }
}
