namespace Sharp.Bpf;

/// <summary>What the kernel reports about a map (<c>struct bpf_map_info</c> from <c>BPF_OBJ_GET_INFO_BY_FD</c>, Linux 4.13).
/// Fields a kernel does not know are zero.</summary>
public sealed record MapInfo
{
    /// <summary>The map type.</summary>
    public required MapType Type { get; init; }
    /// <summary>The kernel's id for the map (what <c>bpftool map list</c> shows).</summary>
    public required uint Id { get; init; }
    /// <summary>Key size in bytes.</summary>
    public required uint KeySize { get; init; }
    /// <summary>Value size in bytes (for per-CPU maps: one CPU's value).</summary>
    public required uint ValueSize { get; init; }
    /// <summary>Maximum number of entries.</summary>
    public required uint MaxEntries { get; init; }
    /// <summary>The creation flags.</summary>
    public required MapFlags Flags { get; init; }
    /// <summary>The name the kernel keeps (at most 15 characters; Linux 4.15).</summary>
    public required string Name { get; init; }
    /// <summary>The network device of an offloaded map, or 0.</summary>
    public uint IfIndex { get; init; }
    /// <summary>For struct_ops maps: the value's type id in vmlinux BTF.</summary>
    public uint BtfVmlinuxValueTypeId { get; init; }
    /// <summary>For offloaded maps: the device number of the network namespace.</summary>
    public ulong NetnsDevice { get; init; }
    /// <summary>For offloaded maps: the inode of the network namespace.</summary>
    public ulong NetnsInode { get; init; }
    /// <summary>The id of the map's BTF object, or 0 (Linux 4.18).</summary>
    public uint BtfId { get; init; }
    /// <summary>The key's type id in that BTF, or 0.</summary>
    public uint BtfKeyTypeId { get; init; }
    /// <summary>The value's type id in that BTF, or 0.</summary>
    public uint BtfValueTypeId { get; init; }
    /// <summary><c>map_extra</c> (Linux 5.16): bloom filter hash count, arena address.</summary>
    public ulong MapExtra { get; init; }
}
