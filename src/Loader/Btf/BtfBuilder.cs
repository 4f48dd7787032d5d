using System.Buffers.Binary;
using System.Text;

namespace Sharp.Bpf.Btf;

/// <summary>Builds a raw BTF blob: add types in id order (the first gets id 1) and strings (each distinct string stored once).</summary>
public sealed class BtfBuilder
{
    readonly List<BtfType> types = [BtfVoid.Instance];
    readonly List<byte> strings = [];
    readonly Dictionary<string, uint> stringOffsets = [];

    /// <summary>Starts with an empty string section (just the empty string at offset 0).</summary>
    public BtfBuilder() : this(BtfStringTable.Empty)
    {
    }

    /// <summary>Starts with an existing string section, kept byte for byte, so its offsets (e.g. those in <c>.BTF.ext</c>) stay valid.</summary>
    /// <param name="strings">The string section to extend.</param>
    public BtfBuilder(BtfStringTable strings)
    {
        this.strings.AddRange(strings.Bytes);
        foreach (var (offset, value) in strings.Entries()) stringOffsets.TryAdd(value, offset);
    }

    /// <summary>How many types have been added; the next type gets id <c>Count + 1</c>.</summary>
    public int Count => types.Count - 1;

    /// <summary>Adds a string unless an equal one is already present.</summary>
    /// <param name="value">The string; must not contain NUL.</param>
    /// <returns>Its byte offset in the string section.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains a NUL character.</exception>
    public uint AddString(string value)
    {
        if (stringOffsets.TryGetValue(value, out uint offset)) return offset;
        if (value.Contains('\0')) throw new ArgumentException("BTF strings are NUL-terminated and cannot contain NUL", nameof(value));
        offset = (uint)strings.Count;
        strings.AddRange(Encoding.UTF8.GetBytes(value));
        strings.Add(0);
        stringOffsets.Add(value, offset);
        return offset;
    }

    /// <summary>Adds a type and its names. It may refer to ids not yet added, as long as they are added before <see cref="Build"/>.</summary>
    /// <param name="type">The type to add.</param>
    /// <returns>The new type's id.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is <see cref="BtfVoid"/>, has more than 65535 members,
    /// or has a bitfield member at a bit offset of 2^24 or more, none of which BTF can encode.</exception>
    public uint Add(BtfType type)
    {
        switch (type)
        {
            case BtfVoid:
                throw new ArgumentException("void is type id 0 and is never encoded", nameof(type));
            case BtfComposite composite when composite.HasBitfields && composite.Members.Any(m => m.BitOffset > 0xFF_FFFF):
                throw new ArgumentException($"{BtfRawFormatter.KindName(type.Kind)} '{type.Name}' has bitfields, so member offsets must be below 2^24 bits", nameof(type));
        }
        if (MemberCount(type) > ushort.MaxValue)
            throw new ArgumentException($"{BtfRawFormatter.KindName(type.Kind)} '{type.Name}' has {MemberCount(type)} members; BTF allows 65535", nameof(type));
        types.Add(type);
        return (uint)Count;
    }

    /// <summary>Encodes the header, the type section and the string section.</summary>
    /// <returns>The raw BTF blob.</returns>
    /// <exception cref="InvalidOperationException">A type refers to a type id that was never added.</exception>
    public byte[] Build()
    {
        var typeSection = new List<byte>();
        for (int id = 1; id < types.Count; id++)
        {
            foreach (var (target, _) in BtfReferences.Of(types[id]))
                if (target > (uint)Count)
                    throw new InvalidOperationException($"type [{id}] {BtfRawFormatter.KindName(types[id].Kind)} '{types[id].Name}' refers to type [{target}], but only {Count} types were added");
            Encode(types[id], typeSection);
        }
        var blob = new byte[BtfParser.HeaderLength + typeSection.Count + strings.Count];
        var header = blob.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(header, BtfParser.Magic);
        header[2] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], BtfParser.HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)typeSection.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)typeSection.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)strings.Count);
        typeSection.CopyTo(blob, BtfParser.HeaderLength);
        strings.CopyTo(blob, BtfParser.HeaderLength + typeSection.Count);
        return blob;
    }

    static int MemberCount(BtfType type) => type switch
    {
        BtfComposite t => t.Members.Count,
        BtfEnum t => t.Values.Count,
        BtfEnum64 t => t.Values.Count,
        BtfFunctionProto t => t.Parameters.Count,
        BtfDataSection t => t.Variables.Count,
        _ => 0,
    };

    void Encode(BtfType type, List<byte> output)
    {
        var (vlen, kindFlag, sizeOrType) = type switch
        {
            BtfInt t => (0, false, t.Size),
            BtfPointer t => (0, false, t.TypeId),
            BtfArray => (0, false, 0u),
            BtfComposite t => (t.Members.Count, t.HasBitfields, t.Size),
            BtfEnum t => (t.Values.Count, t.IsSigned, t.Size),
            BtfEnum64 t => (t.Values.Count, t.IsSigned, t.Size),
            BtfForward t => (0, t.IsUnion, 0u),
            BtfTypedef t => (0, false, t.TypeId),
            BtfVolatile t => (0, false, t.TypeId),
            BtfConst t => (0, false, t.TypeId),
            BtfRestrict t => (0, false, t.TypeId),
            BtfFunction t => ((int)t.Linkage, false, t.ProtoTypeId),
            BtfFunctionProto t => (t.Parameters.Count, false, t.ReturnTypeId),
            BtfVariable t => (0, false, t.TypeId),
            BtfDataSection t => (t.Variables.Count, false, t.Size),
            BtfFloat t => (0, false, t.Size),
            BtfDeclTag t => (0, t.IsAttribute, t.TypeId),
            BtfTypeTag t => (0, t.IsAttribute, t.TypeId),
            _ => throw new InvalidOperationException($"{type.GetType().Name} is not a BTF kind"),
        };
        Write(output, AddString(type.Name));
        Write(output, (uint)vlen | (uint)type.Kind << 24 | (kindFlag ? 1u << 31 : 0));
        Write(output, sizeOrType);
        switch (type)
        {
            case BtfInt t:
                Write(output, (uint)t.Encoding << 24 | (uint)t.BitOffset << 16 | t.BitCount);
                break;
            case BtfArray t:
                Write(output, t.ElementTypeId);
                Write(output, t.IndexTypeId);
                Write(output, t.Length);
                break;
            case BtfComposite t:
                foreach (var member in t.Members)
                {
                    Write(output, AddString(member.Name));
                    Write(output, member.TypeId);
                    Write(output, kindFlag ? (uint)member.BitfieldSize << 24 | member.BitOffset : member.BitOffset);
                }
                break;
            case BtfEnum t:
                foreach (var value in t.Values)
                {
                    Write(output, AddString(value.Name));
                    Write(output, unchecked((uint)value.Value));
                }
                break;
            case BtfEnum64 t:
                foreach (var value in t.Values)
                {
                    Write(output, AddString(value.Name));
                    Write(output, unchecked((uint)value.UnsignedValue));
                    Write(output, (uint)(value.UnsignedValue >> 32));
                }
                break;
            case BtfFunctionProto t:
                foreach (var parameter in t.Parameters)
                {
                    Write(output, AddString(parameter.Name));
                    Write(output, parameter.TypeId);
                }
                break;
            case BtfVariable t:
                Write(output, (uint)t.Linkage);
                break;
            case BtfDataSection t:
                foreach (var variable in t.Variables)
                {
                    Write(output, variable.TypeId);
                    Write(output, variable.Offset);
                    Write(output, variable.Size);
                }
                break;
            case BtfDeclTag t:
                Write(output, unchecked((uint)t.ComponentIndex));
                break;
        }
    }

    static void Write(List<byte> output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.AddRange(bytes);
    }
}
