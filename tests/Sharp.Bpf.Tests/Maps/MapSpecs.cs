using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Map specs for tests, written out rather than read from an object file.</summary>
internal static class MapSpecs
{
    public static MapSpec Of(MapType type, uint keySize, uint valueSize, uint maxEntries, MapFlags flags = MapFlags.None, string name = "test_map") => new()
    {
        Name = name,
        Type = type,
        KeySize = keySize,
        ValueSize = valueSize,
        MaxEntries = maxEntries,
        Flags = (uint)flags,
    };

    /// <summary>A path under /sys/fs/bpf no other test or run uses.</summary>
    public static string UniquePinPath() => $"/sys/fs/bpf/sharp_bpf_test_{Guid.NewGuid():N}";
}
