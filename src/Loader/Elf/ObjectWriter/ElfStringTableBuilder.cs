using System.Text;

namespace Sharp.Bpf.Elf;

/// <summary>An ELF string table (<c>.strtab</c>, <c>.shstrtab</c>, <c>.debug_str</c>): NUL-terminated strings, each stored once,
/// starting with the empty string at offset 0.</summary>
internal sealed class ElfStringTableBuilder
{
    readonly List<byte> bytes = [0];
    readonly Dictionary<string, uint> offsets = new(StringComparer.Ordinal) { [""] = 0 };

    /// <summary>The offset of <paramref name="value"/>, adding it when new.</summary>
    public uint Add(string value)
    {
        if (offsets.TryGetValue(value, out uint offset)) return offset;
        offset = (uint)bytes.Count;
        bytes.AddRange(Encoding.UTF8.GetBytes(value));
        bytes.Add(0);
        offsets.Add(value, offset);
        return offset;
    }

    /// <summary>The table's bytes.</summary>
    public byte[] ToArray() => [.. bytes];
}
