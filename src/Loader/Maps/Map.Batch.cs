using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Batch operations: many elements per system call (<c>BPF_MAP_*_BATCH</c>, Linux 5.6; hash and array types).</summary>
public sealed partial class Map
{
    /// <summary>Reads the next elements into <paramref name="keys"/> and <paramref name="values"/> (<c>BPF_MAP_LOOKUP_BATCH</c>, Linux 5.6).
    /// Call repeatedly with the same <paramref name="cursor"/> until <see cref="MapBatchCursor.IsComplete"/>.</summary>
    /// <param name="cursor">Where to continue; a new cursor starts at the beginning.</param>
    /// <param name="keys">Room for n keys: n × <see cref="KeySize"/> bytes.</param>
    /// <param name="values">Room for n values: n × <see cref="ValueBufferSize"/> bytes.</param>
    /// <returns>How many elements were read (may be 0 at the end).</returns>
    /// <exception cref="ArgumentException">The buffers do not hold the same non-zero number of whole keys and values.</exception>
    /// <exception cref="InvalidOperationException">The cursor is already complete.</exception>
    /// <exception cref="BpfNotSupportedException">The map type or kernel has no batch operations.</exception>
    /// <exception cref="BpfException">The kernel refused, e.g. ENOSPC when a hash bucket holds more elements than the buffers.</exception>
    public int LookupBatch(MapBatchCursor cursor, Span<byte> keys, Span<byte> values) =>
        LookupBatchCore(BpfCommand.MapLookupBatch, cursor, keys, values);

    /// <summary>Reads and removes the next elements, like <see cref="LookupBatch"/> (<c>BPF_MAP_LOOKUP_AND_DELETE_BATCH</c>,
    /// Linux 5.6; hash types only).</summary>
    /// <param name="cursor">Where to continue; a new cursor starts at the beginning.</param>
    /// <param name="keys">Room for n keys: n × <see cref="KeySize"/> bytes.</param>
    /// <param name="values">Room for n values: n × <see cref="ValueBufferSize"/> bytes.</param>
    /// <returns>How many elements were read and removed.</returns>
    /// <exception cref="ArgumentException">The buffers do not hold the same non-zero number of whole keys and values.</exception>
    /// <exception cref="InvalidOperationException">The cursor is already complete.</exception>
    /// <exception cref="BpfNotSupportedException">The map type or kernel has no batch operations.</exception>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public int LookupAndDeleteBatch(MapBatchCursor cursor, Span<byte> keys, Span<byte> values) =>
        LookupBatchCore(BpfCommand.MapLookupAndDeleteBatch, cursor, keys, values);

    /// <summary>Writes n elements in one call (<c>BPF_MAP_UPDATE_BATCH</c>, Linux 5.6).</summary>
    /// <param name="keys">n keys: n × <see cref="KeySize"/> bytes.</param>
    /// <param name="values">n values: n × <see cref="ValueBufferSize"/> bytes.</param>
    /// <param name="flags">Applied to every element, as for <see cref="Update"/>.</param>
    /// <returns>How many elements were written (n).</returns>
    /// <exception cref="ArgumentException">The buffers do not hold the same non-zero number of whole keys and values.</exception>
    /// <exception cref="BpfNotSupportedException">The map type or kernel has no batch operations.</exception>
    /// <exception cref="BpfException">The kernel refused part way; elements before the failing one are written.</exception>
    public unsafe int UpdateBatch(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        uint count = CheckBatch(keys.Length, values.Length);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keysPointer = keys)
        fixed (byte* valuesPointer = values)
        {
            var attr = new MapBatchAttr { MapFd = fd.Fd, Keys = (ulong)keysPointer, Values = (ulong)valuesPointer, Count = count, ElementFlags = (ulong)flags };
            if (!Syscall.TryBpf(BpfCommand.MapUpdateBatch, ref attr, out _, out int errno)) throw MapErrors.BatchFailure(BpfCommand.MapUpdateBatch, errno, this);
            return (int)attr.Count;
        }
    }

    /// <summary>Removes n elements in one call (<c>BPF_MAP_DELETE_BATCH</c>, Linux 5.6; hash types only).</summary>
    /// <param name="keys">n keys: n × <see cref="KeySize"/> bytes.</param>
    /// <returns>How many elements were removed (n).</returns>
    /// <exception cref="ArgumentException">The buffer does not hold a non-zero number of whole keys.</exception>
    /// <exception cref="BpfNotSupportedException">The map type or kernel has no batch operations.</exception>
    /// <exception cref="BpfException">The kernel refused part way (ENOENT for a missing key); keys before it are removed.</exception>
    public unsafe int DeleteBatch(ReadOnlySpan<byte> keys)
    {
        uint count = CheckBatch(keys.Length, null);
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* keysPointer = keys)
        {
            var attr = new MapBatchAttr { MapFd = fd.Fd, Keys = (ulong)keysPointer, Count = count };
            if (!Syscall.TryBpf(BpfCommand.MapDeleteBatch, ref attr, out _, out int errno)) throw MapErrors.BatchFailure(BpfCommand.MapDeleteBatch, errno, this);
            return (int)attr.Count;
        }
    }

    unsafe int LookupBatchCore(BpfCommand command, MapBatchCursor cursor, Span<byte> keys, Span<byte> values)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.IsComplete) throw new InvalidOperationException("the batch cursor has reached the end of the map; start again with a new cursor");
        uint count = CheckBatch(keys.Length, values.Length);
        // Hash maps write a 4-byte bucket index as the token, arrays a key.
        int tokenSize = (int)Math.Max(KeySize, sizeof(uint));
        var token = cursor.Token ??= new byte[2 * tokenSize];
        using var fd = new SafeBpfFdLease(Handle);
        fixed (byte* tokenPointer = token)
        fixed (byte* keysPointer = keys)
        fixed (byte* valuesPointer = values)
        {
            var attr = new MapBatchAttr
            {
                MapFd = fd.Fd,
                InBatch = cursor.Started ? (ulong)tokenPointer : 0,
                OutBatch = (ulong)(tokenPointer + tokenSize),
                Keys = (ulong)keysPointer,
                Values = (ulong)valuesPointer,
                Count = count,
            };
            bool succeeded = Syscall.TryBpf(command, ref attr, out _, out int errno);
            // ENOENT means the walk reached the end; the elements before it are still delivered.
            if (!succeeded && errno != Errno.ENOENT) throw MapErrors.BatchFailure(command, errno, this);
            cursor.IsComplete = !succeeded;
            cursor.Started = true;
            token.AsSpan(tokenSize).CopyTo(token);
            return (int)attr.Count;
        }
    }

    uint CheckBatch(int keysLength, int? valuesLength)
    {
        if (KeySize == 0 || keysLength == 0 || keysLength % KeySize != 0)
            throw new ArgumentException($"{Type} map '{Name}' has {KeySize}-byte keys; a batch needs a non-zero whole number of them, got {keysLength} bytes", "keys");
        uint count = (uint)keysLength / KeySize;
        if (valuesLength is { } length && length != (long)count * ValueBufferSize)
            throw new ArgumentException($"{Type} map '{Name}': {count} keys need {(long)count * ValueBufferSize} bytes of values ({ValueBufferSize} each); got {length}", "values");
        return count;
    }
}
