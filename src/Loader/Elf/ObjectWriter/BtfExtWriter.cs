using System.Buffers.Binary;

namespace Sharp.Bpf.Elf;

/// <summary>Encodes a <c>.BTF.ext</c> section in its ELF form: a 32-byte header (func_info, line_info, and an empty CO-RE
/// relocation part), then each info part as a record size followed by one block per code section (section name, record count,
/// records). Instruction offsets are in bytes from the start of the section, as clang writes them; libbpf converts them.</summary>
internal static class BtfExtWriter
{
    const int HeaderLength = 32;
    const int FunctionRecordSize = 8;
    const int LineRecordSize = 16;
    const int MaxColumn = 0x3FF;

    /// <summary>A func_info block: the section's name offset in the BTF strings and its records in instruction order.</summary>
    public sealed record FunctionBlock(uint SectionNameOffset, IReadOnlyList<(uint ByteOffset, uint FunctionTypeId)> Records);

    /// <summary>A line_info block: the section's name offset and its records in instruction order.</summary>
    public sealed record LineBlock(uint SectionNameOffset, IReadOnlyList<LineRecord> Records);

    /// <summary>One line_info record; the strings are offsets into the BTF string section.</summary>
    public sealed record LineRecord(uint ByteOffset, uint FileNameOffset, uint LineTextOffset, uint Line, uint Column);

    public static byte[] Write(IReadOnlyList<FunctionBlock> functions, IReadOnlyList<LineBlock> lines)
    {
        var functionPart = new List<byte>();
        if (functions.Count > 0)
        {
            Append(functionPart, FunctionRecordSize);
            foreach (var block in functions)
            {
                Append(functionPart, block.SectionNameOffset, (uint)block.Records.Count);
                foreach (var (offset, typeId) in block.Records) Append(functionPart, offset, typeId);
            }
        }
        var linePart = new List<byte>();
        if (lines.Count > 0)
        {
            Append(linePart, LineRecordSize);
            foreach (var block in lines)
            {
                Append(linePart, block.SectionNameOffset, (uint)block.Records.Count);
                foreach (var record in block.Records)
                    // line_col packs the line into the upper 22 bits and the column into the lower 10.
                    Append(linePart, record.ByteOffset, record.FileNameOffset, record.LineTextOffset, record.Line << 10 | Math.Min(record.Column, MaxColumn));
            }
        }
        var header = new List<byte>();
        header.AddRange([0x9F, 0xEB, 1, 0]);
        Append(header, HeaderLength, 0, (uint)functionPart.Count, (uint)functionPart.Count, (uint)linePart.Count,
            (uint)(functionPart.Count + linePart.Count), 0);
        return [.. header, .. functionPart, .. linePart];
    }

    static void Append(List<byte> output, params ReadOnlySpan<uint> values)
    {
        Span<byte> bytes = stackalloc byte[4];
        foreach (uint value in values)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            output.AddRange(bytes);
        }
    }
}
