namespace Sharp.Bpf;

/// <summary>A perf event array (<c>BPF_MAP_TYPE_PERF_EVENT_ARRAY</c>, Linux 4.3): one perf event per CPU that
/// <c>bpf_perf_event_output</c> writes to. This is the map object only; a reader fills the slots with its perf events.</summary>
public sealed class PerfEventArrayMap
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a perf event array with 4-byte keys and values.</exception>
    public PerfEventArrayMap(Map map) =>
        Map = MapViews.Require(map, nameof(PerfEventArrayMap), MapType.PerfEventArray, sizeof(uint), "UInt32 CPU index", sizeof(uint), "perf event fd");

    /// <summary>The map.</summary>
    public Map Map { get; }

    /// <summary>The number of slots (max_entries), normally one per possible CPU.</summary>
    public uint Length => Map.MaxEntries;
}
