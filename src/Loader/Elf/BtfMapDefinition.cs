using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Decodes libbpf's BTF map definitions: a struct whose members say what the map is through their types, not their
/// values (<c>__uint(max_entries, 16)</c> is <c>int (*max_entries)[16]</c>, <c>__type(key, T)</c> is <c>T *key</c>,
/// <c>__array(values, inner)</c> is <c>inner *values[]</c>).</summary>
internal static class BtfMapDefinition
{
    /// <summary>Decodes the definition of the map <paramref name="name"/> of BTF type <paramref name="typeId"/>.</summary>
    /// <param name="btf">The object's BTF.</param>
    /// <param name="name">The map's name, for the spec and for messages.</param>
    /// <param name="typeId">The type of the map variable.</param>
    /// <param name="valuesOffset">The byte offset of the <c>values</c> member, whose relocations give initial contents; null without one.</param>
    /// <exception cref="BpfElfException">The type is not a struct, or a member is unknown or not of the shape its name requires.</exception>
    public static MapSpec Decode(BtfSpec btf, string name, uint typeId, out uint? valuesOffset) =>
        Decode(btf, name, typeId, isInner: false, out valuesOffset);

    static MapSpec Decode(BtfSpec btf, string name, uint typeId, bool isInner, out uint? valuesOffset)
    {
        valuesOffset = null;
        if (TypeAt(btf, btf.Resolve(typeId)) is not BtfStruct definition)
            throw new BpfElfException($"map '{name}': its BTF type [{typeId}] is not a struct of __uint/__type/__array members");
        var map = new MapSpec { Name = name, Type = MapType.Unspecified };
        uint? keySize = null, valueSize = null;
        foreach (var member in definition.Members)
        {
            string where = $"map '{name}' field '{member.Name}'";
            switch (member.Name)
            {
                case "type": map = map with { Type = (MapType)Number(btf, member, where) }; break;
                case "max_entries": map = map with { MaxEntries = Number(btf, member, where) }; break;
                case "map_flags": map = map with { Flags = Number(btf, member, where) }; break;
                case "numa_node": map = map with { NumaNode = Number(btf, member, where) }; break;
                case "map_extra": map = map with { MapExtra = LongNumber(btf, member, where) }; break;
                case "key_size": keySize = Agree(keySize, Number(btf, member, where), where); break;
                case "value_size": valueSize = Agree(valueSize, Number(btf, member, where), where); break;
                case "pinning":
                    map = map with
                    {
                        Pinning = Number(btf, member, where) switch
                        {
                            0 => MapPinning.None,
                            1 => MapPinning.ByName,
                            var other => throw new BpfElfException($"{where}: pinning {other} is neither LIBBPF_PIN_NONE (0) nor LIBBPF_PIN_BY_NAME (1)"),
                        },
                    };
                    break;
                case "key":
                    uint keyType = PointeeOf(btf, member, where);
                    keySize = Agree(keySize, SizeOf(btf, keyType, where), where);
                    map = map with { BtfKeyTypeId = keyType };
                    break;
                case "value":
                    uint valueType = PointeeOf(btf, member, where);
                    valueSize = Agree(valueSize, SizeOf(btf, valueType, where), where);
                    map = map with { BtfValueTypeId = valueType };
                    break;
                case "values" when isInner:
                    throw new BpfElfException($"{where}: an inner map definition cannot have values of its own");
                case "values":
                    if (member.BitOffset % 8 != 0) throw new BpfElfException($"{where} is not byte-aligned");
                    valuesOffset = member.BitOffset / 8;
                    // Each value of a map-in-map or program array is an fd: 4 bytes.
                    valueSize = Agree(valueSize, sizeof(uint), where);
                    if (InnerDefinition(btf, member, where) is { } innerType)
                        map = map with { InnerMap = Decode(btf, name + ".inner", innerType, isInner: true, out _) };
                    break;
                default:
                    throw new BpfElfException($"{where} is not a map definition field (type, key, value, key_size, value_size, max_entries, map_flags, numa_node, map_extra, pinning, values)");
            }
        }
        return map with { KeySize = keySize ?? 0, ValueSize = valueSize ?? 0 };
    }

    /// <summary>The struct type behind <c>__array(values, ...)</c> for a map-in-map, or null for a program array (function prototype).</summary>
    static uint? InnerDefinition(BtfSpec btf, BtfMember member, string where)
    {
        if (TypeAt(btf, btf.Resolve(member.TypeId)) is not BtfArray array
            || TypeAt(btf, btf.Resolve(array.ElementTypeId)) is not BtfPointer pointer)
            throw new BpfElfException($"{where} must be an array of pointers (__array(values, ...))");
        return TypeAt(btf, btf.Resolve(pointer.TypeId)) switch
        {
            BtfStruct => pointer.TypeId,
            BtfFunctionProto => null,
            var other => throw new BpfElfException($"{where}: the elements point to a {other.Kind}, neither a map definition nor a function"),
        };
    }

    static uint Agree(uint? declared, uint value, string where) => declared is { } existing && existing != value
        ? throw new BpfElfException($"{where}: size {value} contradicts the size {existing} declared by another field")
        : value;

    static uint PointeeOf(BtfSpec btf, BtfMember member, string where) =>
        TypeAt(btf, btf.Resolve(member.TypeId)) is BtfPointer pointer
            ? pointer.TypeId
            : throw new BpfElfException($"{where} must be a pointer to the type (__type)");

    static uint SizeOf(BtfSpec btf, uint typeId, string where) => btf.TrySizeOf(typeId, out uint size)
        ? size
        : throw new BpfElfException($"{where}: BTF type [{typeId}] has no size");

    static uint Number(BtfSpec btf, BtfMember member, string where)
    {
        ulong value = LongNumber(btf, member, where);
        return value <= uint.MaxValue ? (uint)value : throw new BpfElfException($"{where}: {value} does not fit in 32 bits");
    }

    /// <summary>The number a <c>__uint</c> (pointer to an array of that many elements) or <c>__ulong</c> (pointer to an enum
    /// whose only value is the number) member encodes.</summary>
    static ulong LongNumber(BtfSpec btf, BtfMember member, string where)
    {
        if (TypeAt(btf, btf.Resolve(member.TypeId)) is not BtfPointer pointer)
            throw new BpfElfException($"{where} must be a pointer to an array (__uint) or an enum (__ulong)");
        return TypeAt(btf, btf.Resolve(pointer.TypeId)) switch
        {
            BtfArray array => array.Length,
            BtfEnum { Values: [var only] } => (ulong)only.Value,
            BtfEnum64 { Values: [var only] } => only.UnsignedValue,
            _ => throw new BpfElfException($"{where} must be a pointer to an array (__uint) or an enum with one value (__ulong)"),
        };
    }

    /// <summary>The type with id <paramref name="id"/>; the BTF parser checked references, so this only guards the ids it cannot see.</summary>
    static BtfType TypeAt(BtfSpec btf, uint id) => id < (uint)btf.Types.Count
        ? btf.Types[(int)id]
        : throw new BpfElfException($"BTF type id {id} is past the last type ({btf.Types.Count - 1})");
}
