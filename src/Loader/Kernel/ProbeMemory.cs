namespace Sharp.Bpf.Kernel;

/// <summary>Fake memory for managed probe reads: byte ranges placed at addresses; a read of any unplaced byte faults, as a
/// probe read of an unmapped address does.</summary>
[ManagedOnly]
public sealed class ProbeMemory
{
    readonly List<(ulong Address, byte[] Bytes)> _regions = [];

    /// <summary>Places a copy of <paramref name="bytes"/> at <paramref name="address"/> (later placements win where they overlap).</summary>
    public void Write(ulong address, ReadOnlySpan<byte> bytes) => _regions.Add((address, bytes.ToArray()));

    /// <summary>Places a NUL-terminated ASCII string at <paramref name="address"/>.</summary>
    public void WriteString(ulong address, string text) => Write(address, [.. System.Text.Encoding.ASCII.GetBytes(text), 0]);

    /// <summary>Reads the byte at <paramref name="address"/>.</summary>
    /// <returns>False when no placement covers the address.</returns>
    public bool TryRead(ulong address, out byte value)
    {
        for (var i = _regions.Count - 1; i >= 0; i--)
        {
            var (start, bytes) = _regions[i];
            if (address >= start && address - start < (ulong)bytes.Length)
            {
                value = bytes[address - start];
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>Reads <paramref name="destination"/>.Length bytes from <paramref name="address"/>.</summary>
    /// <returns>False when any byte is not placed.</returns>
    public bool TryRead(ulong address, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
            if (!TryRead(address + (ulong)i, out destination[i])) return false;
        return true;
    }

    /// <summary>Removes every placement.</summary>
    public void Clear() => _regions.Clear();
}
