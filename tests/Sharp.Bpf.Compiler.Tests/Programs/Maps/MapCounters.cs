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

    /// <summary>A key built a byte at a time (byte fields: alignment 1).</summary>
    public struct ByteKey
    {
        /// <summary>The key's bytes.</summary>
        public byte B0, B1, B2, B3, B4, B5, B6, B7;
    }

    /// <summary>Counts per <see cref="ByteKey"/> (at most 2^10 keys).</summary>
    public static readonly HashMap<ByteKey, ulong> ByteKeyCounts = new(maxEntries: 1024);

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

    /// <summary>Counts packets per key whose bytes are stored one by one from A's bytes (shifted out) and B's low byte, as a
    /// header's address is copied into a flow key: the optimiser may combine the byte stores.</summary>
    [Xdp]
    public static XdpAction ByteKeyCounter(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        uint a = (uint)p.A & 0x0301_0301;
        var key = new ByteKey();
        key.B0 = (byte)a;
        key.B1 = (byte)(a >> 8);
        key.B2 = (byte)(a >> 16);
        key.B3 = (byte)(a >> 24);
        key.B5 = (byte)(p.B & 7);
        var count = ByteKeyCounts.Lookup(in key);
        if (count.IsNull)
        {
            ByteKeyCounts.Update(in key, 1UL);
            return (XdpAction)(key.B0 + key.B3);
        }
        count.Value++;
        return (XdpAction)(uint)count.Value;
    }
}
