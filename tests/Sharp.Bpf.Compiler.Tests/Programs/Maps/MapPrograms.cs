namespace Sharp.Bpf.Compiler.Tests.Programs.Maps;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Maps from kernel code: per-CPU counters updated in place, LRU lookups, updates and deletes. State accumulates
/// over the inputs; the harness compares the maps after every run.</summary>
[BpfObject(License = "GPL")]
public static partial class MapPrograms
{

    /// <summary>Four per-CPU counters.</summary>
    public static readonly PerCpuArrayMap<ulong> PerCpuCounts = new(maxEntries: 4);

    /// <summary>Last value per key, in an LRU map large enough never to evict here.</summary>
    public static readonly LruHashMap<int, int> Latest = new(maxEntries: 1024);

    /// <summary>Increments counter A &amp; 3 on the running CPU (the harness compares the sums over CPUs).</summary>
    [Xdp]
    public static XdpAction PerCpuCounter(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        var counter = PerCpuCounts.Lookup((uint)p.A & 3);
        if (counter.IsNull) return XdpAction.Drop;
        counter.Value += (ulong)(p.B & 0xFF);
        return XdpAction.Pass;
    }

    /// <summary>Stores B under key A &amp; 7, or deletes the key when B is negative; returns the previous value or -1.</summary>
    [Xdp]
    public static XdpAction LruUpdateDelete(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int key = p.A & 7;
        int previous = Latest.TryGetValue(key, out int value) ? value : -1;
        if (p.B < 0) Latest.Delete(key);
        else Latest.Update(key, p.B);
        return (XdpAction)previous;
    }
}
