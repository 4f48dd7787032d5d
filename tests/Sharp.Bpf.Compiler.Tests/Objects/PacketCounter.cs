namespace Sharp.Bpf.Compiler.Tests.Objects;

using Sharp.Bpf.Kernel;

/// <summary>One record per packet: its length and the configured marker.</summary>
public struct PacketEvent
{
    public uint Length;
    public uint Marker;
}

/// <summary>A socket filter using every kind of object state: a hash map counting packets by length, an array map
/// summing bytes, a ring buffer of <see cref="PacketEvent"/>s and a <c>[Configuration]</c> marker. Compiled by this
/// project's build; <see cref="PacketCounterTests"/> loads it through its generated bindings.</summary>
[BpfObject(License = "GPL")]
public static partial class PacketCounter
{
    [Configuration] static readonly uint Marker = 7;

    static readonly HashMap<uint, ulong> PacketsByLength = new(64);
    static readonly ArrayMap<ulong> Bytes = new(4);
    static readonly RingBuffer<PacketEvent> Events = new(4096);

    [SocketFilter]
    public static int Count(SkBuff skb)
    {
        uint length = skb.Len;
        var packets = PacketsByLength.Lookup(length);
        if (packets.HasValue)
            packets.Value++;
        else
            PacketsByLength.Update(length, 1);
        var total = Bytes.Lookup(0);
        if (total.HasValue)
            total.Value += length;
        Events.TryOutput(new PacketEvent { Length = length, Marker = Marker });
        return 0;
    }
}
