using System.Buffers.Binary;

namespace Sharp.Bpf.Btf;

/// <summary>Decodes <c>struct btf_ext_header</c> and its info sections. Each info section is a record size followed by
/// blocks of (section name offset, record count, records); a producer may use records longer than this library knows.</summary>
static class BtfExtParser
{
    const int MinimumHeaderLength = 24;
    const int HeaderLengthWithCoreRelocations = 32;

    public static BtfExtSpec Parse(ReadOnlySpan<byte> ext, BtfStringTable strings)
    {
        if (ext.Length < MinimumHeaderLength)
            throw new BtfFormatException($"BTF.ext header truncated: {ext.Length} bytes, a header needs {MinimumHeaderLength}");
        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(ext);
        if (magic == BinaryPrimitives.ReverseEndianness(BtfParser.Magic))
            throw new BtfFormatException("BTF.ext is big-endian (magic bytes EB 9F at offset 0); only little-endian BTF is supported");
        if (magic != BtfParser.Magic)
            throw new BtfFormatException($"bad BTF.ext magic 0x{magic:X4} at offset 0, expected 0xEB9F");
        if (ext[2] != 1)
            throw new BtfFormatException($"unsupported BTF.ext version {ext[2]} at offset 2, expected 1");
        if (ext[3] != 0)
            throw new BtfFormatException($"unsupported BTF.ext header flags 0x{ext[3]:X2} at offset 3, expected 0");
        uint headerLength = U32(ext, 4);
        if (headerLength < MinimumHeaderLength || headerLength > ext.Length)
            throw new BtfFormatException($"BTF.ext header length {headerLength} at offset 4 is outside {MinimumHeaderLength}..{ext.Length}");
        var data = ext[(int)headerLength..];
        var reader = new Reader(strings, (int)headerLength);

        var functions = reader.ReadInfoSection(data, ext, 8, "func_info", 8,
            (record, at) => new BtfFuncInfo(U32(record, 0), U32(record, 4)), out uint functionRecordSize);
        var lines = reader.ReadInfoSection(data, ext, 16, "line_info", 16,
            (record, at) =>
            {
                uint fileOffset = U32(record, 4), textOffset = U32(record, 8), lineColumn = U32(record, 12);
                return new BtfLineInfo(U32(record, 0), fileOffset, reader.String(fileOffset, at, "file name"),
                    textOffset, reader.String(textOffset, at, "line text"), lineColumn >> 10, lineColumn & 0x3FF);
            }, out uint lineRecordSize);
        uint relocationRecordSize = 0;
        var relocations = headerLength >= HeaderLengthWithCoreRelocations
            ? reader.ReadInfoSection(data, ext, 24, "CO-RE relocation", 16,
                (record, at) => new BtfCoreRelocation(U32(record, 0), U32(record, 4),
                    reader.String(U32(record, 8), at, "access string"), (BtfCoreRelocationKind)U32(record, 12)), out relocationRecordSize)
            : [];
        return new BtfExtSpec(functions, functionRecordSize, lines, lineRecordSize, relocations, relocationRecordSize);
    }

    static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);

    delegate T RecordReader<T>(ReadOnlySpan<byte> record, long fileOffset);

    sealed class Reader(BtfStringTable strings, int headerLength)
    {
        public string String(uint offset, long fileOffset, string what) =>
            strings.TryGet(offset, out var value)
                ? value
                : throw new BtfFormatException($"BTF.ext record at offset {fileOffset}: {what} offset {offset} is past the BTF string section (length {strings.Length})");

        public Dictionary<string, IReadOnlyList<T>> ReadInfoSection<T>(ReadOnlySpan<byte> data, ReadOnlySpan<byte> header, int fieldOffset,
            string what, uint minimumRecordSize, RecordReader<T> read, out uint recordSize)
        {
            long offset = U32(header, fieldOffset), length = U32(header, fieldOffset + 4);
            var result = new Dictionary<string, IReadOnlyList<T>>();
            recordSize = 0;
            if (offset + length > data.Length)
                throw new BtfFormatException($"BTF.ext {what} section {offset}..{offset + length} (header offset {fieldOffset}) runs past the {data.Length} bytes after the header");
            if (length == 0) return result;
            var section = data.Slice((int)offset, (int)length);
            long fileBase = headerLength + offset;
            if (section.Length < 4)
                throw new BtfFormatException($"BTF.ext {what} section at offset {fileBase} is too short to hold its record size");
            recordSize = U32(section, 0);
            if (recordSize < minimumRecordSize || recordSize % 4 != 0)
                throw new BtfFormatException($"BTF.ext {what} record size {recordSize} at offset {fileBase} is not a multiple of 4 of at least {minimumRecordSize}");
            int position = 4;
            while (position < section.Length)
            {
                long blockOffset = fileBase + position;
                if (section.Length - position < 8)
                    throw new BtfFormatException($"BTF.ext {what} block at offset {blockOffset} is truncated: {section.Length - position} bytes left of an 8-byte block header");
                uint nameOffset = U32(section, position), count = U32(section, position + 4);
                string name = String(nameOffset, blockOffset, $"{what} section name");
                position += 8;
                if ((long)count * recordSize > section.Length - position)
                    throw new BtfFormatException($"BTF.ext {what} block '{name}' at offset {blockOffset}: {count} records of {recordSize} bytes overrun the section ({section.Length - position} bytes left)");
                var records = new List<T>((int)count);
                for (uint i = 0; i < count; i++, position += (int)recordSize)
                    records.Add(read(section.Slice(position, (int)recordSize), fileBase + position));
                if (!result.TryAdd(name, records))
                    throw new BtfFormatException($"BTF.ext {what} block at offset {blockOffset} repeats section '{name}'");
            }
            return result;
        }
    }
}
