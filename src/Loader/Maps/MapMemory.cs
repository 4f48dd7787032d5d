using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>The values of a memory-mapped array map, shared with the kernel: writes through <see cref="Span"/> are
/// seen by programs and by <see cref="Map.Lookup"/> at once, and the other way round. Element i starts at
/// i × (value size rounded up to 8). The mapping keeps the map alive until it is disposed.</summary>
/// <remarks>Spans obtained from this object must not be used after <see cref="Dispose"/>: the memory is unmapped.</remarks>
public sealed class MapMemory : IDisposable
{
    readonly MemoryMapping mapping;

    internal MapMemory(MemoryMapping mapping, int length, bool isWritable)
    {
        this.mapping = mapping;
        Length = length;
        IsWritable = isWritable;
    }

    /// <summary>Bytes of map data: max_entries × the value size rounded up to 8.</summary>
    public int Length { get; }

    /// <summary>False when the map is frozen or read-only for user space, so the memory is mapped read-only.</summary>
    public bool IsWritable { get; }

    /// <summary>The map's data, writable.</summary>
    /// <exception cref="InvalidOperationException">The mapping is read-only (see <see cref="IsWritable"/>).</exception>
    /// <exception cref="ObjectDisposedException">The mapping was disposed.</exception>
    public unsafe Span<byte> Span
    {
        get
        {
            if (!IsWritable) throw new InvalidOperationException("the map is frozen or read-only for user space, so its memory is mapped read-only; use ReadOnlySpan");
            return new Span<byte>((void*)Address, Length);
        }
    }

    /// <summary>The map's data, for reading.</summary>
    /// <exception cref="ObjectDisposedException">The mapping was disposed.</exception>
    public unsafe ReadOnlySpan<byte> ReadOnlySpan => new((void*)Address, Length);

    nint Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(mapping.IsClosed, this);
            return mapping.DangerousGetHandle();
        }
    }

    /// <summary>Unmaps the memory.</summary>
    public void Dispose() => mapping.Dispose();
}
