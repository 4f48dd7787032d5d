namespace Sharp.Bpf.Samples.XdpProtocolCounter;

/// <summary>Packet totals per IP protocol number at one moment, summed over CPUs.</summary>
public sealed class ProtocolCounts
{
    readonly ulong[] _packets;

    /// <summary>Counts from per-protocol totals (index = protocol number, 256 entries).</summary>
    /// <exception cref="ArgumentException"><paramref name="packets"/> does not have 256 entries.</exception>
    public ProtocolCounts(ulong[] packets)
    {
        if (packets.Length != 256) throw new ArgumentException("one total per protocol number (256) is needed", nameof(packets));
        _packets = packets;
    }

    /// <summary>No packets at all.</summary>
    public static ProtocolCounts Empty => new(new ulong[256]);

    /// <summary>Packets of protocol <paramref name="protocol"/>.</summary>
    public ulong this[int protocol] => _packets[protocol];

    /// <summary>The protocol numbers with at least one packet, ascending.</summary>
    public IEnumerable<int> Seen => Enumerable.Range(0, 256).Where(protocol => _packets[protocol] != 0);

    /// <summary>Sums the per-CPU values of every slot of the kernel's <c>Packets</c> map.</summary>
    /// <exception cref="BpfException">Reading the map failed.</exception>
    public static ProtocolCounts Read(PerCpuArrayMap<ulong> map)
    {
        var totals = new ulong[256];
        for (uint protocol = 0; protocol < totals.Length; protocol++)
            foreach (var perCpu in map.Lookup(protocol)) totals[protocol] += perCpu;
        return new ProtocolCounts(totals);
    }
}
