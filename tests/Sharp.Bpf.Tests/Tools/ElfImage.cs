using System.Buffers.Binary;
using System.Text;

namespace Sharp.Bpf.Tests.Tools;

/// <summary>Finds the parts of an ELF64 little-endian object's bytes that tests damage on purpose: header fields,
/// section headers, section contents and relocation entries.</summary>
internal sealed class ElfImage(byte[] bytes)
{
    /// <summary>Size of one section header.</summary>
    public const int SectionHeaderSize = 64;
    /// <summary>Size of one <c>Elf64_Rel</c>.</summary>
    public const int RelocationSize = 16;

    /// <summary>The bytes being edited.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <summary><c>e_shoff</c>.</summary>
    public long SectionHeadersOffset => (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(0x28));
    /// <summary><c>e_shnum</c>.</summary>
    public int SectionCount => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(0x3C));

    /// <summary>Byte offset of section <paramref name="index"/>'s header.</summary>
    public int HeaderOf(int index) => (int)SectionHeadersOffset + index * SectionHeaderSize;

    /// <summary>The index of the section named <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        int names = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(0x3E));
        long namesOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(HeaderOf(names) + 24));
        for (int i = 1; i < SectionCount; i++)
        {
            int start = (int)namesOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(HeaderOf(i)));
            int end = Array.IndexOf(Bytes, (byte)0, start);
            if (Encoding.UTF8.GetString(Bytes, start, end - start) == name) return i;
        }
        throw new ArgumentException($"no section '{name}'", nameof(name));
    }

    /// <summary>The file offset of the contents of the section named <paramref name="name"/>.</summary>
    public int ContentsOf(string name) => (int)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(HeaderOf(IndexOf(name)) + 24));

    /// <summary>The size of the section named <paramref name="name"/>.</summary>
    public int SizeOf(string name) => (int)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(HeaderOf(IndexOf(name)) + 32));

    /// <summary>Sets <c>sh_offset</c> of the section named <paramref name="name"/>.</summary>
    public void SetContentsOffset(string name, ulong offset) => BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(HeaderOf(IndexOf(name)) + 24), offset);

    /// <summary>Overwrites the name of the section named <paramref name="name"/> in place with one of the same length.</summary>
    public void RenameSection(string name, string newName)
    {
        if (newName.Length != name.Length) throw new ArgumentException("the new name must have the same length", nameof(newName));
        int names = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(0x3E));
        long namesOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(HeaderOf(names) + 24));
        int start = (int)namesOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(HeaderOf(IndexOf(name))));
        Encoding.UTF8.GetBytes(newName).CopyTo(Bytes, start);
    }

    /// <summary>Sets <c>r_offset</c> of entry <paramref name="entry"/> of relocation section <paramref name="name"/>.</summary>
    public void SetRelocationOffset(string name, int entry, ulong offset) =>
        BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(ContentsOf(name) + entry * RelocationSize), offset);

    /// <summary>Sets the symbol index in <c>r_info</c> of entry <paramref name="entry"/> of relocation section <paramref name="name"/>.</summary>
    public void SetRelocationSymbol(string name, int entry, uint symbol) =>
        BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(ContentsOf(name) + entry * RelocationSize + 12), symbol);
}
