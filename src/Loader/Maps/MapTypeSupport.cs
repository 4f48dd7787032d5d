namespace Sharp.Bpf;

/// <summary>The first Linux version that creates each map type. The kernel answers an unknown map type with a bare EINVAL,
/// the same errno as a bad key size, so only this table can tell a user that the kernel is too old.</summary>
internal static class MapTypeSupport
{
    /// <summary>The first Linux version with <paramref name="type"/>, or null when Sharp.Bpf does not know the type.</summary>
    public static Version? MinimumKernel(MapType type) => type switch
    {
        MapType.Hash or MapType.Array => new(3, 19),
        MapType.ProgramArray => new(4, 2),
        MapType.PerfEventArray => new(4, 3),
        MapType.PerCpuHash or MapType.PerCpuArray or MapType.StackTrace => new(4, 6),
        MapType.CgroupArray => new(4, 8),
        MapType.LruHash or MapType.LruPerCpuHash => new(4, 10),
        MapType.LpmTrie => new(4, 11),
        MapType.ArrayOfMaps or MapType.HashOfMaps => new(4, 12),
        MapType.DevMap or MapType.SockMap => new(4, 14),
        MapType.CpuMap => new(4, 15),
        MapType.XskMap or MapType.SockHash => new(4, 18),
        MapType.CgroupStorage or MapType.ReuseportSockArray => new(4, 19),
        MapType.PerCpuCgroupStorage or MapType.Queue or MapType.Stack => new(4, 20),
        MapType.SkStorage => new(5, 2),
        MapType.DevMapHash => new(5, 4),
        MapType.StructOps => new(5, 6),
        MapType.RingBuffer => new(5, 8),
        MapType.InodeStorage => new(5, 10),
        MapType.TaskStorage => new(5, 11),
        MapType.BloomFilter => new(5, 16),
        MapType.UserRingBuffer => new(6, 1),
        MapType.CgroupStorageLocal => new(6, 2),
        MapType.Arena => new(6, 9),
        _ => null,
    };
}
