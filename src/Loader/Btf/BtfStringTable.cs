using System.Text;

namespace Sharp.Bpf.Btf;

/// <summary>The BTF string section: NUL-terminated UTF-8 strings that names, file names and source lines point into by byte offset.
/// Offset 0 is always the empty string.</summary>
public sealed class BtfStringTable
{
    readonly byte[] bytes;

    internal BtfStringTable(byte[] bytes) => this.bytes = bytes;

    /// <summary>A table holding only the empty string.</summary>
    public static BtfStringTable Empty { get; } = new([0]);

    /// <summary>Length of the section in bytes.</summary>
    public int Length => bytes.Length;

    /// <summary>The section's bytes exactly as encoded.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The string that starts at <paramref name="offset"/>.</summary>
    /// <param name="offset">A byte offset into the section.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is past the end of the section.</exception>
    public string this[uint offset] => TryGet(offset, out var value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"string offset {offset} is past the string section (length {bytes.Length})");

    /// <summary>Reads the string that starts at <paramref name="offset"/>, if the offset is inside the section.</summary>
    /// <param name="offset">A byte offset into the section.</param>
    /// <param name="value">The string, or empty when the offset is out of range.</param>
    /// <returns>False when <paramref name="offset"/> is past the end of the section.</returns>
    public bool TryGet(uint offset, out string value)
    {
        if (offset >= (uint)bytes.Length)
        {
            value = "";
            return false;
        }
        var rest = bytes.AsSpan((int)offset);
        // The parser guarantees the section ends in NUL, so every in-range offset has a terminator.
        value = Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)0)]);
        return true;
    }

    /// <summary>Each string that starts after a NUL (or at offset 0), with its offset, in section order.</summary>
    internal IEnumerable<(uint Offset, string Value)> Entries()
    {
        int start = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)0, start);
            yield return ((uint)start, Encoding.UTF8.GetString(bytes, start, end - start));
            start = end + 1;
        }
    }
}
