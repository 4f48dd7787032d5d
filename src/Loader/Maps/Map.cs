using System.Text;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>A map in the kernel, reached through its file descriptor. This is the untyped, byte-level API; the typed views
/// (<see cref="HashMap{TKey, TValue}"/>, <see cref="ArrayMap{TValue}"/>, ...) wrap a <see cref="Map"/>.
/// Disposing closes the descriptor; the kernel frees the map when no descriptor, pin, mapping or program holds it.</summary>
/// <remarks>Operations on one map may run concurrently from several threads, as the kernel allows.</remarks>
public sealed partial class Map : IDisposable
{
    /// <summary>Map types whose keys and values the kernel refuses to describe with BTF; libbpf drops the type ids for them.</summary>
    static readonly HashSet<MapType> TypesWithoutBtfKeyValue =
    [
        MapType.PerfEventArray, MapType.CgroupArray, MapType.StackTrace, MapType.ArrayOfMaps, MapType.HashOfMaps,
        MapType.DevMap, MapType.DevMapHash, MapType.CpuMap, MapType.XskMap, MapType.SockMap, MapType.SockHash,
        MapType.Queue, MapType.Stack, MapType.Arena,
    ];

    uint id;

    Map(SafeBpfFd handle, string name, MapType type, uint keySize, uint valueSize, uint maxEntries, MapFlags flags)
    {
        Handle = handle;
        Name = name;
        Type = type;
        KeySize = keySize;
        ValueSize = valueSize;
        MaxEntries = maxEntries;
        Flags = flags;
        ValueBufferSize = IsPerCpuType(type) ? checked((int)PerCpuValueStride(valueSize) * PossibleCpus.Value) : (int)valueSize;
    }

    /// <summary>The map's descriptor.</summary>
    internal SafeBpfFd Handle { get; }

    /// <summary>The descriptor number, for APIs that take one (a program's map references, a map-in-map slot); valid
    /// until the map is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    public int Fd => Handle.IsClosed ? throw new ObjectDisposedException(nameof(Map)) : Handle.Fd;

    /// <summary>The map's name: the spec's name for a created map, the kernel's name (at most 15 characters) for an opened one.</summary>
    public string Name { get; }
    /// <summary>The map type.</summary>
    public MapType Type { get; }
    /// <summary>Key size in bytes (0 for queues, stacks, ring buffers and bloom filters).</summary>
    public uint KeySize { get; }
    /// <summary>Value size in bytes; for per-CPU maps, one CPU's value.</summary>
    public uint ValueSize { get; }
    /// <summary>Maximum number of entries (for ring buffers: the size in bytes).</summary>
    public uint MaxEntries { get; }
    /// <summary>The creation flags.</summary>
    public MapFlags Flags { get; }
    /// <summary>Whether the map holds one value per possible CPU (per-CPU hash, array, LRU hash and cgroup storage).</summary>
    public bool IsPerCpu => IsPerCpuType(Type);
    /// <summary>Bytes a value takes in the buffers of <see cref="Lookup"/>, <see cref="Update"/> and the batch operations:
    /// <see cref="ValueSize"/>, or for per-CPU maps <see cref="ValueSize"/> rounded up to 8 times the number of possible CPUs.</summary>
    public int ValueBufferSize { get; }
    /// <summary>The bpffs path <see cref="Pin"/> pinned the map at, or null.</summary>
    public string? PinnedPath { get; private set; }

    /// <summary>The kernel's id for the map (what <c>bpftool map list</c> shows). Linux 4.13.</summary>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    /// <exception cref="BpfException">The kernel refused to describe the map.</exception>
    public uint Id => id != 0 ? id : id = GetInfo().Id;

    /// <summary>Creates a map from a spec, writes the spec's initial contents and freezes it when the spec asks
    /// (<see cref="MapSpec.Freeze"/>). For map-in-map types, a template inner map is created from <see cref="MapSpec.InnerMap"/>
    /// and closed again. A perf event array with <see cref="MapSpec.MaxEntries"/> 0 gets one entry per possible CPU, as in libbpf.
    /// The kernel name is <see cref="MapSpec.Name"/> cut to 15 characters, with characters the kernel refuses replaced by '_'.
    /// Linux 3.18; names 4.15; BTF 4.18; freezing 5.2.</summary>
    /// <param name="spec">What to create.</param>
    /// <param name="btf">The BTF that <see cref="MapSpec.BtfKeyTypeId"/> and <see cref="MapSpec.BtfValueTypeId"/> refer to, or null for none.</param>
    /// <exception cref="ArgumentException">An initial entry refers to a program or map by name (only a collection can resolve
    /// those), or an entry's key or value has the wrong size.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel is older than the map type (e.g. ring buffers need Linux 5.8).</exception>
    /// <exception cref="BpfException">The kernel refused (e.g. EINVAL for a zero value size, EPERM without privileges).</exception>
    public static Map Create(MapSpec spec, BtfHandle? btf = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Contents.FirstOrDefault(entry => entry.Reference is not null) is { } reference)
            throw new ArgumentException($"map '{spec.Name}' has an initial entry that refers to '{reference.Reference}'; only a collection can resolve references to programs and maps", nameof(spec));
        var map = CreateEmpty(spec, btf);
        try
        {
            map.WriteContents(spec);
            if (spec.Freeze) map.Freeze();
            return map;
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    /// <summary>Creates the map without writing contents or freezing, for a collection that writes references first.</summary>
    internal static unsafe Map CreateEmpty(MapSpec spec, BtfHandle? btf)
    {
        uint maxEntries = spec.Type == MapType.PerfEventArray && spec.MaxEntries == 0 ? (uint)PossibleCpus.Value : spec.MaxEntries;
        var attr = new MapCreateAttr
        {
            MapType = spec.Type,
            KeySize = spec.KeySize,
            ValueSize = spec.ValueSize,
            MaxEntries = maxEntries,
            MapFlags = spec.Flags,
            NumaNode = ((MapFlags)spec.Flags).HasFlag(MapFlags.NumaNode) ? spec.NumaNode : 0,
            MapExtra = spec.MapExtra,
        };
        ObjectName.Write(KernelName(spec.Name), new Span<byte>(attr.MapName, ObjectName.Capacity));

        using var inner = spec.InnerMap is { } innerSpec ? CreateEmpty(innerSpec, btf: null) : null;
        using var innerFd = inner is null ? default : new SafeBpfFdLease(inner.Handle);
        if (inner is not null) attr.InnerMapFd = innerFd.Fd;

        bool describedByBtf = btf is not null && (spec.BtfKeyTypeId != 0 || spec.BtfValueTypeId != 0) && !TypesWithoutBtfKeyValue.Contains(spec.Type);
        using var btfFd = describedByBtf ? new SafeBpfFdLease(btf!.Handle) : default;
        if (describedByBtf)
        {
            attr.BtfFd = btfFd.Fd;
            attr.BtfKeyTypeId = spec.BtfKeyTypeId;
            attr.BtfValueTypeId = spec.BtfValueTypeId;
        }

        if (!Syscall.TryBpf(BpfCommand.MapCreate, ref attr, out int fd, out int errno))
            throw MapErrors.CreateFailure(spec.Type, errno, Environment.OSVersion.Version);
        return new Map(new SafeBpfFd(fd), spec.Name, spec.Type, spec.KeySize, spec.ValueSize, maxEntries, (MapFlags)spec.Flags);
    }

    /// <summary>Writes the spec's initial entries that hold bytes; entries that refer to programs or maps are left to the caller.</summary>
    internal void WriteContents(MapSpec spec)
    {
        foreach (var entry in spec.Contents)
            if (entry.Reference is null)
                Update(entry.Key.Span, entry.Value.Span);
    }

    /// <summary>Opens a map pinned in bpffs (<c>BPF_OBJ_GET</c>, Linux 4.4).</summary>
    /// <param name="path">The pin's path, e.g. <c>/sys/fs/bpf/my_map</c>.</param>
    /// <exception cref="BpfException">Nothing is pinned at <paramref name="path"/> (ENOENT), or the kernel refused.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the pinned object is not a map.</exception>
    public static Map OpenPinned(string path) => FromDescriptor(ObjectPins.Open(path), $"pinned object '{path}'");

    /// <summary>Opens the map with kernel id <paramref name="id"/> (<c>BPF_MAP_GET_FD_BY_ID</c>, Linux 4.13).</summary>
    /// <exception cref="BpfException">No map has that id (ENOENT), or the kernel refused (EPERM without CAP_SYS_ADMIN).</exception>
    public static Map FromId(uint id)
    {
        var attr = new ObjectIdAttr { Id = id };
        int fd = Syscall.Bpf(BpfCommand.MapGetFdById, ref attr);
        return FromDescriptor(new SafeBpfFd(fd), $"id {id}");
    }

    static Map FromDescriptor(SafeBpfFd handle, string origin)
    {
        try
        {
            // Info of a program or link would be misread as map info, so check what the descriptor is first.
            var kind = new FileInfo($"/proc/self/fd/{handle.Fd}").LinkTarget;
            if (kind != "anon_inode:bpf-map")
                throw new ArgumentException($"{origin} is not a map but {kind}");
            var info = QueryInfo(handle);
            return new Map(handle, info.Name, info.Type, info.KeySize, info.ValueSize, info.MaxEntries, info.Flags) { id = info.Id };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The ids of all maps in the kernel, in increasing order (<c>BPF_MAP_GET_NEXT_ID</c>, Linux 4.13). Maps can
    /// come and go while this runs; the list is a snapshot.</summary>
    /// <exception cref="BpfException">The kernel refused (EPERM without CAP_SYS_ADMIN).</exception>
    public static IReadOnlyList<uint> GetIds()
    {
        var ids = new List<uint>();
        var attr = new ObjectIdAttr();
        while (Syscall.TryBpf(BpfCommand.MapGetNextId, ref attr, out _, out int errno) || errno != Errno.ENOENT)
        {
            if (errno != 0) throw new BpfException(Syscall.OperationName(BpfCommand.MapGetNextId), errno);
            ids.Add(attr.NextId);
            attr.Id = attr.NextId;
        }
        return ids;
    }

    /// <summary>Asks the kernel about the map (<c>BPF_OBJ_GET_INFO_BY_FD</c>, Linux 4.13).</summary>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public MapInfo GetInfo() => QueryInfo(Handle);

    static unsafe MapInfo QueryInfo(SafeBpfFd handle)
    {
        var info = new MapInfoStruct();
        using (var fd = new SafeBpfFdLease(handle))
        {
            var attr = new ObjectInfoAttr { BpfFd = fd.Fd, InfoLength = (uint)sizeof(MapInfoStruct), Info = (ulong)&info };
            Syscall.Bpf(BpfCommand.ObjectGetInfoByFd, ref attr);
        }
        var name = new ReadOnlySpan<byte>(info.Name, ObjectName.Capacity);
        int end = name.IndexOf((byte)0);
        return new MapInfo
        {
            Type = info.Type,
            Id = info.Id,
            KeySize = info.KeySize,
            ValueSize = info.ValueSize,
            MaxEntries = info.MaxEntries,
            Flags = (MapFlags)info.MapFlags,
            Name = Encoding.ASCII.GetString(end < 0 ? name : name[..end]),
            IfIndex = info.IfIndex,
            BtfVmlinuxValueTypeId = info.BtfVmlinuxValueTypeId,
            NetnsDevice = info.NetnsDevice,
            NetnsInode = info.NetnsInode,
            BtfId = info.BtfId,
            BtfKeyTypeId = info.BtfKeyTypeId,
            BtfValueTypeId = info.BtfValueTypeId,
            MapExtra = info.MapExtra,
        };
    }

    /// <summary>Pins the map in bpffs so it outlives this process (<c>BPF_OBJ_PIN</c>, Linux 4.4). Remove the pin with
    /// <see cref="Unpin"/> or by deleting the file.</summary>
    /// <param name="path">A path on a bpf filesystem, e.g. <c>/sys/fs/bpf/my_map</c>; its directory must exist.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="BpfException">The kernel refused: EEXIST when the path exists, EPERM when it is not on bpffs.</exception>
    public void Pin(string path)
    {
        ObjectPins.Pin(Handle, path);
        PinnedPath = path;
    }

    /// <summary>Removes the pin <see cref="Pin"/> made; nothing happens when the map is not pinned.</summary>
    /// <exception cref="IOException">The pin could not be deleted.</exception>
    public void Unpin()
    {
        if (PinnedPath is null) return;
        File.Delete(PinnedPath);
        PinnedPath = null;
    }

    /// <summary>Makes the map read-only for user space (<c>BPF_MAP_FREEZE</c>, Linux 5.2); programs can still write it
    /// unless it was created with <see cref="MapFlags.ReadOnlyProgram"/>. Irreversible.</summary>
    /// <exception cref="BpfException">EBUSY while a writable <see cref="MapMemory"/> of the map exists; EINVAL on kernels before 5.2.</exception>
    public void Freeze()
    {
        using var fd = new SafeBpfFdLease(Handle);
        var attr = new MapElementAttr { MapFd = fd.Fd };
        if (!Syscall.TryBpf(BpfCommand.MapFreeze, ref attr, out _, out int errno)) throw MapErrors.Failure(BpfCommand.MapFreeze, errno, this);
    }

    /// <summary>Closes the map's descriptor. A pin, a mapping or a program that uses the map keeps it alive in the kernel.</summary>
    public void Dispose() => Handle.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Type} map '{Name}' (key {KeySize} B, value {ValueSize} B, {MaxEntries} entries)";

    /// <summary>The name the kernel gets: at most 15 characters of [A-Za-z0-9_.], as libbpf and cilium/ebpf shorten names.</summary>
    internal static string KernelName(string name)
    {
        var kernelName = name.Length < ObjectName.Capacity ? name : name[..(ObjectName.Capacity - 1)];
        return string.Create(kernelName.Length, kernelName, (characters, source) =>
        {
            for (int i = 0; i < source.Length; i++)
                characters[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] is '_' or '.' ? source[i] : '_';
        });
    }

    static bool IsPerCpuType(MapType type) => type is MapType.PerCpuHash or MapType.PerCpuArray or MapType.LruPerCpuHash or MapType.PerCpuCgroupStorage;

    /// <summary>The kernel copies per-CPU values at 8-byte strides.</summary>
    internal static uint PerCpuValueStride(uint valueSize) => (valueSize + 7) & ~7u;
}
