using System.Buffers.Binary;

namespace Sharp.Bpf.Btf;

/// <summary>Decodes a raw BTF blob (<c>struct btf_header</c>, type section, string section) into types, checking every offset and count.</summary>
sealed class BtfParser
{
    internal const ushort Magic = 0xEB9F;
    internal const int HeaderLength = 24;
    const int TypeHeaderLength = 12;

    readonly byte[] types;
    readonly BtfStringTable strings;
    int position;
    uint id;

    BtfParser(byte[] types, BtfStringTable strings)
    {
        this.types = types;
        this.strings = strings;
    }

    public static BtfSpec Parse(ReadOnlySpan<byte> blob)
    {
        ReadHeader(blob, out var typeSection, out var stringSection);
        var strings = ReadStrings(stringSection);
        var parsed = new BtfParser(typeSection.ToArray(), strings).ReadTypes();
        BtfReferenceCheck.Verify(parsed);
        return new BtfSpec(parsed, strings);
    }

    static void ReadHeader(ReadOnlySpan<byte> blob, out ReadOnlySpan<byte> types, out ReadOnlySpan<byte> strings)
    {
        if (blob.Length < HeaderLength)
            throw new BtfFormatException($"BTF header truncated: {blob.Length} bytes, a header needs {HeaderLength}");
        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(blob);
        if (magic == BinaryPrimitives.ReverseEndianness(Magic))
            throw new BtfFormatException("BTF is big-endian (magic bytes EB 9F at offset 0); only little-endian BTF is supported");
        if (magic != Magic)
            throw new BtfFormatException($"bad BTF magic 0x{magic:X4} at offset 0, expected 0xEB9F");
        if (blob[2] != 1)
            throw new BtfFormatException($"unsupported BTF version {blob[2]} at offset 2, expected 1");
        if (blob[3] != 0)
            throw new BtfFormatException($"unsupported BTF header flags 0x{blob[3]:X2} at offset 3, expected 0");
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(blob[4..]);
        if (headerLength < HeaderLength || headerLength > blob.Length)
            throw new BtfFormatException($"BTF header length {headerLength} at offset 4 is outside {HeaderLength}..{blob.Length}");
        // A longer header comes from a newer producer; its extra fields are only safe to ignore while zero.
        if (blob[HeaderLength..(int)headerLength].ContainsAnyExcept((byte)0))
            throw new BtfFormatException($"BTF header bytes {HeaderLength}..{headerLength} hold unknown non-zero fields");
        var data = blob[(int)headerLength..];
        var typeSection = Section(blob, 8, "type", data.Length);
        var stringSection = Section(blob, 16, "string", data.Length);
        if (typeSection.Offset % 4 != 0)
            throw new BtfFormatException($"BTF type section offset {typeSection.Offset} at offset 8 is not 4-byte aligned");
        if (typeSection.Length % 4 != 0)
            throw new BtfFormatException($"BTF type section length {typeSection.Length} at offset 12 is not a multiple of 4");
        if (typeSection.Length > 0 && stringSection.Length > 0
            && typeSection.Offset < stringSection.Offset + stringSection.Length && stringSection.Offset < typeSection.Offset + typeSection.Length)
            throw new BtfFormatException($"BTF type section {typeSection.Offset}..{typeSection.Offset + typeSection.Length} overlaps string section {stringSection.Offset}..{stringSection.Offset + stringSection.Length}");
        types = data.Slice((int)typeSection.Offset, (int)typeSection.Length);
        strings = data.Slice((int)stringSection.Offset, (int)stringSection.Length);
    }

    static (long Offset, long Length) Section(ReadOnlySpan<byte> header, int fieldOffset, string name, int dataLength)
    {
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(header[fieldOffset..]);
        long length = BinaryPrimitives.ReadUInt32LittleEndian(header[(fieldOffset + 4)..]);
        if (offset + length > dataLength)
            throw new BtfFormatException($"BTF {name} section {offset}..{offset + length} (header offset {fieldOffset}) runs past the {dataLength} bytes after the header");
        return (offset, length);
    }

    static BtfStringTable ReadStrings(ReadOnlySpan<byte> section)
    {
        if (section.Length == 0)
            throw new BtfFormatException("BTF string section is empty; it must at least hold the empty string at offset 0");
        if (section[0] != 0)
            throw new BtfFormatException("BTF string section does not start with the empty string (offset 0 is not NUL)");
        if (section[^1] != 0)
            throw new BtfFormatException($"BTF string section does not end with NUL (last byte at offset {section.Length - 1})");
        return new BtfStringTable(section.ToArray());
    }

    List<BtfType> ReadTypes()
    {
        var result = new List<BtfType> { BtfVoid.Instance };
        for (id = 1; position < types.Length; id++)
        {
            result.Add(ReadType());
        }
        return result;
    }

    BtfType ReadType()
    {
        int start = position;
        if (types.Length - position < TypeHeaderLength)
            throw Fail(start, $"truncated: {types.Length - position} bytes left of a {TypeHeaderLength}-byte type header");
        uint nameOffset = U32(), info = U32(), sizeOrType = U32();
        int vlen = (int)(info & 0xFFFF);
        int kindNumber = (int)((info >> 24) & 0x1F);
        bool kindFlag = (info >> 31) != 0;
        if ((info & 0x60FF_0000) != 0)
            throw Fail(start, $"reserved bits set in info 0x{info:X8}");
        if (kindNumber is < 1 or > (int)BtfKind.Enum64)
            throw Fail(start, $"unknown kind {kindNumber}");
        var kind = (BtfKind)kindNumber;
        string name = Name(nameOffset, start, "name");
        if (kindFlag && kind is not (BtfKind.Struct or BtfKind.Union or BtfKind.Enum or BtfKind.Enum64 or BtfKind.Forward or BtfKind.TypeTag or BtfKind.DeclTag))
            throw Fail(start, $"{BtfRawFormatter.KindName(kind)} does not use kind_flag, but it is set");
        if (vlen != 0 && kind is not (BtfKind.Struct or BtfKind.Union or BtfKind.Enum or BtfKind.Enum64 or BtfKind.FunctionProto or BtfKind.DataSection or BtfKind.Function))
            throw Fail(start, $"{BtfRawFormatter.KindName(kind)} has no members, but vlen is {vlen}");
        return kind switch
        {
            BtfKind.Int => ReadInt(name, sizeOrType, start),
            BtfKind.Pointer => new BtfPointer(sizeOrType, name),
            BtfKind.Array => ReadArray(name, start),
            BtfKind.Struct => new BtfStruct(name, sizeOrType, ReadMembers(vlen, kindFlag, start)),
            BtfKind.Union => new BtfUnion(name, sizeOrType, ReadMembers(vlen, kindFlag, start)),
            BtfKind.Enum => new BtfEnum(name, sizeOrType, kindFlag, ReadEnumValues(vlen, kindFlag, start)),
            BtfKind.Forward => new BtfForward(name, kindFlag),
            BtfKind.Typedef => new BtfTypedef(name, sizeOrType),
            BtfKind.Volatile => new BtfVolatile(sizeOrType, name),
            BtfKind.Const => new BtfConst(sizeOrType, name),
            BtfKind.Restrict => new BtfRestrict(sizeOrType, name),
            BtfKind.Function => vlen <= (int)BtfFunctionLinkage.Extern
                ? new BtfFunction(name, sizeOrType, (BtfFunctionLinkage)vlen)
                : throw Fail(start, $"unknown function linkage {vlen}"),
            BtfKind.FunctionProto => new BtfFunctionProto(sizeOrType, ReadParameters(vlen, start), name),
            BtfKind.Variable => ReadVariable(name, sizeOrType, start),
            BtfKind.DataSection => new BtfDataSection(name, sizeOrType, ReadSectionVariables(vlen, start)),
            BtfKind.Float => new BtfFloat(name, sizeOrType),
            BtfKind.DeclTag => ReadDeclTag(name, sizeOrType, kindFlag, start),
            BtfKind.TypeTag => new BtfTypeTag(name, sizeOrType, kindFlag),
            _ => new BtfEnum64(name, sizeOrType, kindFlag, ReadEnum64Values(vlen, kindFlag, start)),
        };
    }

    BtfInt ReadInt(string name, uint size, int start)
    {
        Need(4, 1, "integer encoding", start);
        uint data = U32();
        if ((data & 0xF000_FF00) != 0)
            throw Fail(start, $"reserved bits set in integer data 0x{data:X8}");
        var encoding = (BtfIntEncoding)((data >> 24) & 0xF);
        if (encoding is not (BtfIntEncoding.None or BtfIntEncoding.Signed or BtfIntEncoding.Char or BtfIntEncoding.Bool))
            throw Fail(start, $"integer encoding {(int)encoding} combines flags that exclude each other");
        byte bitOffset = (byte)(data >> 16), bitCount = (byte)data;
        if (size is not (1 or 2 or 4 or 8 or 16))
            throw Fail(start, $"integer size {size} is not 1, 2, 4, 8 or 16");
        if (bitCount > 128 || bitOffset + bitCount > size * 8)
            throw Fail(start, $"integer bits {bitOffset}+{bitCount} do not fit in {size} bytes");
        return new BtfInt(name, size, encoding, bitOffset, bitCount);
    }

    BtfArray ReadArray(string name, int start)
    {
        Need(12, 1, "array data", start);
        return new BtfArray(U32(), U32(), U32(), name);
    }

    List<BtfMember> ReadMembers(int count, bool packsBitfieldSizes, int start)
    {
        Need(12, count, "members", start);
        var members = new List<BtfMember>(count);
        for (int i = 0; i < count; i++)
        {
            string name = Name(U32(), start, $"member {i} name");
            uint type = U32(), offset = U32();
            members.Add(packsBitfieldSizes
                ? new BtfMember(name, type, offset & 0xFF_FFFF, (byte)(offset >> 24))
                : new BtfMember(name, type, offset));
        }
        return members;
    }

    List<BtfEnumValue> ReadEnumValues(int count, bool signed, int start)
    {
        Need(8, count, "enumerators", start);
        var values = new List<BtfEnumValue>(count);
        for (int i = 0; i < count; i++)
        {
            string name = Name(U32(), start, $"enumerator {i} name");
            uint bits = U32();
            values.Add(new BtfEnumValue(name, signed ? (int)bits : bits));
        }
        return values;
    }

    List<BtfEnumValue> ReadEnum64Values(int count, bool signed, int start)
    {
        Need(12, count, "enumerators", start);
        var values = new List<BtfEnumValue>(count);
        for (int i = 0; i < count; i++)
        {
            string name = Name(U32(), start, $"enumerator {i} name");
            ulong low = U32(), high = U32();
            values.Add(new BtfEnumValue(name, unchecked((long)(high << 32 | low))));
        }
        return values;
    }

    List<BtfParameter> ReadParameters(int count, int start)
    {
        Need(8, count, "parameters", start);
        var parameters = new List<BtfParameter>(count);
        for (int i = 0; i < count; i++)
            parameters.Add(new BtfParameter(Name(U32(), start, $"parameter {i} name"), U32()));
        return parameters;
    }

    BtfVariable ReadVariable(string name, uint type, int start)
    {
        Need(4, 1, "variable linkage", start);
        uint linkage = U32();
        if (linkage > (uint)BtfVariableLinkage.Extern)
            throw Fail(start, $"unknown variable linkage {linkage}");
        return new BtfVariable(name, type, (BtfVariableLinkage)linkage);
    }

    List<BtfSectionVariable> ReadSectionVariables(int count, int start)
    {
        Need(12, count, "section variables", start);
        var variables = new List<BtfSectionVariable>(count);
        for (int i = 0; i < count; i++)
            variables.Add(new BtfSectionVariable(U32(), U32(), U32()));
        return variables;
    }

    BtfDeclTag ReadDeclTag(string name, uint type, bool isAttribute, int start)
    {
        Need(4, 1, "component index", start);
        int component = (int)U32();
        if (component < -1)
            throw Fail(start, $"component index {component} is below -1");
        return new BtfDeclTag(name, type, component, isAttribute);
    }

    string Name(uint offset, int start, string what) =>
        strings.TryGet(offset, out var name)
            ? name
            : throw Fail(start, $"{what} offset {offset} is past the string section (length {strings.Length})");

    void Need(int recordSize, int count, string what, int start)
    {
        long needed = (long)recordSize * count;
        if (types.Length - position < needed)
            throw Fail(start, $"{count} {what} of {recordSize} bytes overrun the type section ({types.Length - position} bytes left)");
    }

    uint U32()
    {
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(types.AsSpan(position));
        position += 4;
        return value;
    }

    BtfFormatException Fail(int start, string problem) => new($"BTF type [{id}] at type section offset {start}: {problem}");
}
