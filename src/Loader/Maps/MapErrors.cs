using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Builds exceptions for failed map operations that name the map and say what the error means for that operation,
/// which errno alone cannot: E2BIG from an update means "full", EPERM from an update of a frozen map is not about privileges.</summary>
internal static class MapErrors
{
    /// <summary>The exception for <paramref name="command"/> on <paramref name="map"/> failing with <paramref name="errno"/>.</summary>
    public static BpfException Failure(BpfCommand command, int errno, Map map)
    {
        var operation = Syscall.OperationName(command);
        var advice = Advice(command, errno, map) ?? Errno.Advice(errno);
        var message = $"{operation} on {map.Type} map '{map.Name}' failed: {BpfException.DescribeError(errno)}";
        return new BpfException(operation, errno, advice is null ? message : $"{message}: {advice}");
    }

    /// <summary>The exception for <c>BPF_MAP_CREATE</c> of a <paramref name="type"/> map failing with <paramref name="errno"/> on
    /// a kernel of version <paramref name="runningKernel"/>: EINVAL from a kernel older than the map type is the missing
    /// type, anything else the kernel's refusal as it stands.</summary>
    public static BpfException CreateFailure(MapType type, int errno, Version runningKernel)
    {
        var operation = Syscall.OperationName(BpfCommand.MapCreate);
        return errno == Errno.EINVAL && MapTypeSupport.MinimumKernel(type) is { } minimum && runningKernel < minimum
            ? new BpfNotSupportedException(operation, errno, $"{type} maps", minimum.ToString(2))
            : new BpfException(operation, errno);
    }

    /// <summary>The exception for a failed batch command: ENOTSUPP means the map type has no batch operations on this kernel.</summary>
    public static BpfException BatchFailure(BpfCommand command, int errno, Map map) =>
        errno is Errno.EOPNOTSUPP or Errno.ENOTSUPP
            ? new BpfNotSupportedException(Syscall.OperationName(command), errno, $"batch operations on {map.Type} maps", minimumKernel: null)
            : Failure(command, errno, map);

    static string? Advice(BpfCommand command, int errno, Map map) => (command, errno) switch
    {
        (BpfCommand.MapLookupElement or BpfCommand.MapLookupAndDeleteElement, Errno.ENOENT) => "no element has this key (or the queue/stack is empty)",
        (BpfCommand.MapDeleteElement, Errno.ENOENT) => "no element has this key",
        (BpfCommand.MapDeleteElement, Errno.EINVAL) when map.Type is MapType.Array or MapType.PerCpuArray =>
            "array elements always exist and cannot be deleted; write zeroes instead",
        (BpfCommand.MapUpdateElement, Errno.E2BIG) => $"the map is full ({map.MaxEntries} entries) or, for arrays, the index is not below {map.MaxEntries}",
        (BpfCommand.MapUpdateElement, Errno.EEXIST) => $"an element with this key exists and the update asked for {nameof(MapUpdateFlags.NoExist)}",
        (BpfCommand.MapUpdateElement, Errno.ENOENT) => $"no element has this key and the update asked for {nameof(MapUpdateFlags.Exist)}",
        (BpfCommand.MapUpdateElement or BpfCommand.MapDeleteElement or BpfCommand.MapLookupAndDeleteElement, Errno.EPERM) when IsFrozen(map) =>
            "the map is frozen (BPF_MAP_FREEZE): user space can no longer change it",
        (BpfCommand.MapUpdateElement or BpfCommand.MapDeleteElement, Errno.EPERM) when map.Flags.HasFlag(MapFlags.ReadOnly) =>
            "the map was created read-only for user space (BPF_F_RDONLY)",
        (BpfCommand.MapFreeze, Errno.EBUSY) => "the map is memory-mapped writable; dispose the MapMemory first",
        (BpfCommand.MapFreeze, Errno.EINVAL or Errno.ENOTSUPP or Errno.EOPNOTSUPP) => "this kernel or map type cannot freeze maps (BPF_MAP_FREEZE needs Linux 5.2)",
        (BpfCommand.MapLookupBatch or BpfCommand.MapLookupAndDeleteBatch or BpfCommand.MapUpdateBatch or BpfCommand.MapDeleteBatch, Errno.EINVAL) =>
            "the kernel refused the batch: kernels before Linux 5.6 have no batch commands",
        (BpfCommand.MapLookupBatch or BpfCommand.MapLookupAndDeleteBatch, Errno.ENOSPC) =>
            "a hash bucket holds more elements than the batch buffers; pass larger buffers",
        (BpfCommand.MapGetNextKey, Errno.EINVAL or Errno.ENOTSUPP) => $"{map.Type} maps cannot be iterated from user space",
        _ => null,
    };

    /// <summary>Whether the kernel reports the map frozen, from its descriptor's <c>/proc/self/fdinfo</c> entry.</summary>
    static bool IsFrozen(Map map)
    {
        try
        {
            using var fd = new SafeBpfFdLease(map.Handle);
            return File.ReadLines($"/proc/self/fdinfo/{fd.Fd}").Any(line => line.StartsWith("frozen:", StringComparison.Ordinal) && line.EndsWith('1'));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
