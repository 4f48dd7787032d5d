using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sharp.Bpf.Btf;

/// <summary>Formats the bytes of a value as JSON by walking its BTF type, as <c>bpftool map dump</c> prints the
/// <c>"formatted"</c> member: integers as numbers (<c>bool</c> as true/false, 128-bit integers and bitfields as <c>"0x…"</c>
/// strings), enums by enumerator name (the number when none matches), pointers as unsigned numbers, structs and unions as
/// objects keyed by member name, arrays as JSON arrays except <c>char</c> arrays holding a printable NUL-terminated string,
/// which become strings, and data sections (<c>.data</c>, <c>.rodata</c>, <c>.bss</c>) as
/// <c>{"section": [{"variable": value}, …]}</c>. Typedefs and qualifiers are followed. Values are read little-endian.</summary>
public static class BtfValueFormatter
{
    /// <summary>Formats <paramref name="data"/> as a value of type <paramref name="typeId"/> into one JSON text.</summary>
    /// <param name="btf">The BTF the type id refers to.</param>
    /// <param name="typeId">The value's type, e.g. a map's <see cref="MapInfo.BtfValueTypeId"/>.</param>
    /// <param name="data">The value's bytes; at least the type's size (more is ignored).</param>
    /// <param name="indented">Whether to indent the JSON, one member per line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="typeId"/> is past the last type.</exception>
    /// <exception cref="ArgumentException">The type has no size or no value representation (<c>void</c>, a forward declaration,
    /// a function), or <paramref name="data"/> is shorter than the type.</exception>
    public static string Format(BtfSpec btf, uint typeId, ReadOnlySpan<byte> data, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, btf, typeId, data);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="data"/> as a value of type <paramref name="typeId"/> to <paramref name="writer"/>,
    /// where a JSON value may come next (after a property name, or inside an array). The type is checked before anything
    /// is written, so a failure leaves the writer as it was.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="btf">The BTF the type id refers to.</param>
    /// <param name="typeId">The value's type.</param>
    /// <param name="data">The value's bytes; at least the type's size (more is ignored).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="typeId"/> is past the last type.</exception>
    /// <exception cref="ArgumentException">The type has no size or no value representation, or <paramref name="data"/> is
    /// shorter than the type.</exception>
    public static void Write(Utf8JsonWriter writer, BtfSpec btf, uint typeId, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(btf);
        uint size = btf.SizeOf(typeId);
        if (data.Length < size)
            throw new ArgumentException($"a value of BTF type [{typeId}] '{btf[typeId].Name}' takes {size} bytes; got {data.Length}", nameof(data));
        CheckRepresentable(btf, typeId, depth: 0);
        WriteValue(writer, btf, typeId, data);
    }

    /// <summary>Nesting beyond this is not a C type a map holds; it stops a walk through a malformed spec.</summary>
    const int MaxDepth = 64;

    static void CheckRepresentable(BtfSpec btf, uint typeId, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"BTF type [{typeId}] nests more than {MaxDepth} levels deep");
        uint id = btf.Resolve(typeId);
        switch (btf[id])
        {
            case BtfInt or BtfEnum or BtfEnum64 or BtfPointer or BtfFloat:
                return;
            case BtfArray array:
                CheckRepresentable(btf, array.ElementTypeId, depth + 1);
                return;
            case BtfComposite composite:
                foreach (var member in composite.Members) CheckRepresentable(btf, member.TypeId, depth + 1);
                return;
            case BtfVariable variable:
                CheckRepresentable(btf, variable.TypeId, depth + 1);
                return;
            case BtfDataSection section:
                foreach (var variable in section.Variables) CheckRepresentable(btf, variable.TypeId, depth + 1);
                return;
            case var other:
                throw new ArgumentException($"BTF type [{id}] {BtfRawFormatter.KindName(other.Kind)} '{other.Name}' has no value to format");
        }
    }

    static void WriteValue(Utf8JsonWriter writer, BtfSpec btf, uint typeId, ReadOnlySpan<byte> data)
    {
        switch (btf[btf.Resolve(typeId)])
        {
            case BtfInt integer:
                WriteInteger(writer, integer, data);
                break;
            case BtfEnum enumeration:
                WriteEnum(writer, enumeration.Values, enumeration.IsSigned, ReadInteger(data, enumeration.Size, enumeration.IsSigned));
                break;
            case BtfEnum64 enumeration:
                WriteEnum(writer, enumeration.Values, enumeration.IsSigned, ReadInteger(data, enumeration.Size, enumeration.IsSigned));
                break;
            case BtfPointer:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(data));
                break;
            case BtfFloat number:
                WriteFloat(writer, number, data);
                break;
            case BtfArray array:
                WriteArray(writer, btf, array, data);
                break;
            case BtfComposite composite:
                WriteComposite(writer, btf, composite, data);
                break;
            case BtfVariable variable:
                writer.WriteStartObject();
                writer.WritePropertyName(variable.Name);
                WriteValue(writer, btf, variable.TypeId, data);
                writer.WriteEndObject();
                break;
            case BtfDataSection section:
                writer.WriteStartObject();
                writer.WriteStartArray(section.Name);
                foreach (var variable in section.Variables) WriteValue(writer, btf, variable.TypeId, data[(int)variable.Offset..]);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
        }
    }

    static void WriteInteger(Utf8JsonWriter writer, BtfInt integer, ReadOnlySpan<byte> data)
    {
        if (integer.BitOffset != 0 || integer.BitCount % 8 != 0)
        {
            WriteBits(writer, data, integer.BitOffset, integer.BitCount);
            return;
        }
        if (integer.Encoding.HasFlag(BtfIntEncoding.Bool))
            writer.WriteBooleanValue(data[0] != 0);
        else if (integer.Encoding.HasFlag(BtfIntEncoding.Char))
            // A printable character as itself; anything else as its code point, which the writer escapes as \u00XX.
            writer.WriteStringValue(((char)data[0]).ToString());
        else if (integer.Size > sizeof(ulong))
            WriteBits(writer, data, 0, integer.BitCount);
        else
        {
            bool signed = integer.Encoding.HasFlag(BtfIntEncoding.Signed);
            var value = ReadInteger(data, integer.Size, signed);
            if (signed) writer.WriteNumberValue((long)value);
            else writer.WriteNumberValue((ulong)value);
        }
    }

    /// <summary>Reads an integer of 1, 2, 4 or 8 bytes, sign-extended when <paramref name="signed"/>; 128 bits hold either kind.</summary>
    static Int128 ReadInteger(ReadOnlySpan<byte> data, uint size, bool signed) => (size, signed) switch
    {
        (1, true) => (sbyte)data[0],
        (1, false) => data[0],
        (2, true) => BinaryPrimitives.ReadInt16LittleEndian(data),
        (2, false) => BinaryPrimitives.ReadUInt16LittleEndian(data),
        (4, true) => BinaryPrimitives.ReadInt32LittleEndian(data),
        (4, false) => BinaryPrimitives.ReadUInt32LittleEndian(data),
        (8, true) => BinaryPrimitives.ReadInt64LittleEndian(data),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(data),
    };

    static void WriteEnum(Utf8JsonWriter writer, IReadOnlyList<BtfEnumValue> values, bool signed, Int128 value)
    {
        foreach (var enumerator in values)
        {
            if ((signed ? (Int128)enumerator.Value : enumerator.UnsignedValue) == value)
            {
                writer.WriteStringValue(enumerator.Name);
                return;
            }
        }
        if (signed) writer.WriteNumberValue((long)value);
        else writer.WriteNumberValue((ulong)value);
    }

    static void WriteFloat(Utf8JsonWriter writer, BtfFloat number, ReadOnlySpan<byte> data)
    {
        double value = number.Size switch
        {
            4 => BinaryPrimitives.ReadSingleLittleEndian(data),
            8 => BinaryPrimitives.ReadDoubleLittleEndian(data),
            _ => double.NaN,
        };
        // JSON has no NaN or infinity, and long double has no .NET counterpart: those are written as their bits.
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else WriteBits(writer, data, 0, (int)number.Size * 8);
    }

    /// <summary>Writes <paramref name="bitCount"/> bits starting <paramref name="bitOffset"/> bits into <paramref name="data"/>
    /// as a <c>"0x…"</c> string, as bpftool prints bitfields and 128-bit integers.</summary>
    static void WriteBits(Utf8JsonWriter writer, ReadOnlySpan<byte> data, int bitOffset, int bitCount)
    {
        int firstByte = bitOffset / 8, shift = bitOffset % 8;
        int byteCount = Math.Min(data.Length - firstByte, (shift + bitCount + 7) / 8);
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        data.Slice(firstByte, byteCount).CopyTo(bytes);
        var low = BinaryPrimitives.ReadUInt128LittleEndian(bytes);
        var high = BinaryPrimitives.ReadUInt128LittleEndian(bytes[16..]);
        var value = (low >> shift) | (shift == 0 ? UInt128.Zero : high << (128 - shift));
        if (bitCount < 128) value &= (UInt128.One << bitCount) - 1;
        writer.WriteStringValue("0x" + value.ToString("x", CultureInfo.InvariantCulture));
    }

    static void WriteArray(Utf8JsonWriter writer, BtfSpec btf, BtfArray array, ReadOnlySpan<byte> data)
    {
        int elementSize = (int)btf.SizeOf(array.ElementTypeId);
        if (IsCharacter(btf, array.ElementTypeId) && TryReadString(data[..(int)array.Length], out var text))
        {
            writer.WriteStringValue(text);
            return;
        }
        writer.WriteStartArray();
        for (int i = 0; i < array.Length; i++) WriteValue(writer, btf, array.ElementTypeId, data[(i * elementSize)..]);
        writer.WriteEndArray();
    }

    /// <summary>bpftool's test: a one-byte integer named <c>char</c> or encoded as a character, under qualifiers but not a typedef.</summary>
    static bool IsCharacter(BtfSpec btf, uint typeId)
    {
        var type = btf[typeId];
        while (type is BtfConst or BtfVolatile or BtfRestrict or BtfTypeTag)
        {
            typeId = type switch
            {
                BtfConst t => t.TypeId,
                BtfVolatile t => t.TypeId,
                BtfRestrict t => t.TypeId,
                BtfTypeTag t => t.TypeId,
                _ => typeId,
            };
            type = btf[typeId];
        }
        return type is BtfInt { Size: 1 } integer && (integer.Encoding.HasFlag(BtfIntEncoding.Char) || integer.Name == "char");
    }

    /// <summary>A string when the bytes are printable ASCII up to a NUL; anything else is shown element by element.</summary>
    static bool TryReadString(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        int end = bytes.IndexOf((byte)0);
        if (end < 0) return false;
        foreach (byte b in bytes[..end])
            if (b is <= 0x1f or >= 0x7f) return false;
        text = Encoding.ASCII.GetString(bytes[..end]);
        return true;
    }

    static void WriteComposite(Utf8JsonWriter writer, BtfSpec btf, BtfComposite composite, ReadOnlySpan<byte> data)
    {
        writer.WriteStartObject();
        foreach (var member in composite.Members)
        {
            writer.WritePropertyName(member.Name);
            if (member.BitfieldSize != 0)
                WriteBits(writer, data, (int)member.BitOffset, member.BitfieldSize);
            else if (member.BitOffset % 8 != 0)
                WriteBits(writer, data, (int)member.BitOffset, (int)btf.SizeOf(member.TypeId) * 8);
            else
                WriteValue(writer, btf, member.TypeId, data[(int)(member.BitOffset / 8)..]);
        }
        writer.WriteEndObject();
    }
}
