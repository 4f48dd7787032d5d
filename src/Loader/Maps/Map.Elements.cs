using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Single-element operations on raw key and value bytes.</summary>
public sealed partial class Map
{
    /// <summary>Reads the value stored under <paramref name="key"/> (<c>BPF_MAP_LOOKUP_ELEM</c>, Linux 3.18).
    /// For program arrays and map-in-map types the value is the stored object's id.</summary>
    /// <param name="key"><see cref="KeySize"/> bytes.</param>
    /// <param name="value"><see cref="ValueBufferSize"/> bytes to receive the value (for per-CPU maps, one value per possible CPU at 8-byte strides).</param>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">No element has the key (ENOENT), or the kernel refused.</exception>
    public void Lookup(ReadOnlySpan<byte> key, Span<byte> value)
    {
        int errno = LookupCore(BpfCommand.MapLookupElement, key, value);
        if (errno != 0) throw MapErrors.Failure(BpfCommand.MapLookupElement, errno, this);
    }

    /// <summary>Reads the value stored under <paramref name="key"/>, like <see cref="Lookup"/>, returning false when there is none.</summary>
    /// <returns>True when the element exists and <paramref name="value"/> holds it; false when no element has the key.</returns>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">The kernel refused for another reason than a missing element.</exception>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value) => Succeeded(BpfCommand.MapLookupElement, LookupCore(BpfCommand.MapLookupElement, key, value));

    /// <summary>Removes the element under <paramref name="key"/> and returns its value in one step (<c>BPF_MAP_LOOKUP_AND_DELETE_ELEM</c>):
    /// for queues and stacks (key empty) a pop, Linux 4.20; for hash maps Linux 5.14.</summary>
    /// <param name="key"><see cref="KeySize"/> bytes; empty for queues and stacks.</param>
    /// <param name="value"><see cref="ValueBufferSize"/> bytes to receive the value.</param>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">No element (ENOENT), the map type does not support it, or the kernel refused.</exception>
    public void LookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value)
    {
        int errno = LookupCore(BpfCommand.MapLookupAndDeleteElement, key, value);
        if (errno != 0) throw MapErrors.Failure(BpfCommand.MapLookupAndDeleteElement, errno, this);
    }

    /// <summary>Like <see cref="LookupAndDelete"/>, returning false when there is no element (an empty queue or stack, a missing key).</summary>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">The kernel refused for another reason than a missing element.</exception>
    public bool TryLookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value) =>
        Succeeded(BpfCommand.MapLookupAndDeleteElement, LookupCore(BpfCommand.MapLookupAndDeleteElement, key, value));

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> (<c>BPF_MAP_UPDATE_ELEM</c>, Linux 3.18).
    /// For queues and stacks (key empty) a push.</summary>
    /// <param name="key"><see cref="KeySize"/> bytes; empty for queues and stacks.</param>
    /// <param name="value"><see cref="ValueBufferSize"/> bytes (for per-CPU maps, one value per possible CPU at 8-byte strides).</param>
    /// <param name="flags">Whether the element must or must not exist already, and whether to take its spin lock.</param>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">The kernel refused: E2BIG when full or the index is out of range, EEXIST/ENOENT when
    /// <paramref name="flags"/> is not met, EPERM when the map is frozen.</exception>
    public unsafe void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        CheckKey(key);
        CheckValue(value.Length);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keyPointer = key)
        fixed (byte* valuePointer = value)
        {
            var attr = new MapElementAttr { MapFd = fd.Fd, Key = (ulong)keyPointer, Value = (ulong)valuePointer, Flags = (ulong)flags };
            if (!Syscall.TryBpf(BpfCommand.MapUpdateElement, ref attr, out _, out int errno)) throw MapErrors.Failure(BpfCommand.MapUpdateElement, errno, this);
        }
    }

    /// <summary>Removes the element under <paramref name="key"/> (<c>BPF_MAP_DELETE_ELEM</c>, Linux 3.18).</summary>
    /// <exception cref="ArgumentException">The key has the wrong size.</exception>
    /// <exception cref="BpfException">No element has the key (ENOENT), the map type has no deletion (arrays: EINVAL), or the kernel refused.</exception>
    public void Delete(ReadOnlySpan<byte> key)
    {
        int errno = DeleteCore(key);
        if (errno != 0) throw MapErrors.Failure(BpfCommand.MapDeleteElement, errno, this);
    }

    /// <summary>Removes the element under <paramref name="key"/>, like <see cref="Delete"/>, returning false when there is none.</summary>
    /// <exception cref="ArgumentException">The key has the wrong size.</exception>
    /// <exception cref="BpfException">The kernel refused for another reason than a missing element.</exception>
    public bool TryDelete(ReadOnlySpan<byte> key) => Succeeded(BpfCommand.MapDeleteElement, DeleteCore(key));

    /// <summary>Finds the key that follows <paramref name="key"/> (<c>BPF_MAP_GET_NEXT_KEY</c>, Linux 3.18; the first key for an
    /// empty <paramref name="key"/>, Linux 4.12). When <paramref name="key"/> is not in the map, the kernel starts over from
    /// the first key, so deleting the current key while walking restarts the walk.</summary>
    /// <param name="key">The current key, or empty for the first.</param>
    /// <param name="nextKey"><see cref="KeySize"/> bytes to receive the next key.</param>
    /// <returns>False when <paramref name="key"/> was the last (or the map is empty).</returns>
    /// <exception cref="ArgumentException">A buffer has the wrong size.</exception>
    /// <exception cref="BpfException">The map type cannot be iterated, or the kernel refused.</exception>
    public unsafe bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> nextKey)
    {
        if (!key.IsEmpty) CheckKey(key);
        if (nextKey.Length != KeySize) throw WrongSize(nameof(nextKey), "key", KeySize, nextKey.Length);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keyPointer = key)
        fixed (byte* nextPointer = nextKey)
        {
            var attr = new MapElementAttr { MapFd = fd.Fd, Key = (ulong)keyPointer, Value = (ulong)nextPointer };
            Syscall.TryBpf(BpfCommand.MapGetNextKey, ref attr, out _, out int errno);
            return Succeeded(BpfCommand.MapGetNextKey, errno);
        }
    }

    /// <summary>Walks the map's keys with <see cref="TryGetNextKey"/>, each as a new array. Elements added or removed during
    /// the walk may or may not be seen; removing the current key restarts the walk from the first key.</summary>
    /// <exception cref="BpfException">The map type cannot be iterated, or the kernel refused.</exception>
    public IEnumerable<byte[]> Keys()
    {
        var key = Array.Empty<byte>();
        while (true)
        {
            var next = new byte[KeySize];
            if (!TryGetNextKey(key, next)) yield break;
            yield return next;
            key = next;
        }
    }

    unsafe int LookupCore(BpfCommand command, ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckKey(key);
        CheckValue(value.Length);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keyPointer = key)
        fixed (byte* valuePointer = value)
        {
            var attr = new MapElementAttr { MapFd = fd.Fd, Key = (ulong)keyPointer, Value = (ulong)valuePointer };
            Syscall.TryBpf(command, ref attr, out _, out int errno);
            return errno;
        }
    }

    unsafe int DeleteCore(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keyPointer = key)
        {
            var attr = new MapElementAttr { MapFd = fd.Fd, Key = (ulong)keyPointer };
            Syscall.TryBpf(BpfCommand.MapDeleteElement, ref attr, out _, out int errno);
            return errno;
        }
    }

    /// <summary>True for success, false for ENOENT (the expected miss), and throws for anything else.</summary>
    bool Succeeded(BpfCommand command, int errno) => errno switch
    {
        0 => true,
        Errno.ENOENT => false,
        _ => throw MapErrors.Failure(command, errno, this),
    };

    // The kernel copies exactly key_size and value bytes through these pointers: a shorter buffer would let it write past the end.
    void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize) throw WrongSize(nameof(key), "key", KeySize, key.Length);
    }

    void CheckValue(int length)
    {
        if (length != ValueBufferSize) throw WrongSize("value", "value", (uint)ValueBufferSize, length);
    }

    ArgumentException WrongSize(string parameter, string what, uint expected, int actual) =>
        new($"{Type} map '{Name}' has {expected}-byte {what}s{(IsPerCpu && what == "value" ? $" ({PossibleCpus.Value} possible CPUs × {PerCpuValueStride(ValueSize)} bytes)" : "")}; got {actual} bytes", parameter);
}
