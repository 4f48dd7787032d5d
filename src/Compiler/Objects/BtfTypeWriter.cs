using Sharp.Bpf.Btf;
using Sharp.Bpf.Compiler.Types;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Compiler.Objects;

/// <summary>Adds BTF for <see cref="TypeShape"/>s to an object, as clang would describe the equivalent C: integers by
/// their C names, <c>_Bool</c>, enums (64-bit ones as ENUM64), pointers, structs with every member at its bit offset,
/// fixed buffers as arrays indexed by <c>__ARRAY_SIZE_TYPE__</c>, inline arrays as a struct holding such an array.
/// Identical types are added once.</summary>
internal sealed class BtfTypeWriter(BpfObjectBuilder builder)
{
    readonly Dictionary<BtfType, uint> ids = [];

    /// <summary>The id of <paramref name="shape"/>'s BTF type, adding it (and what it refers to) the first time.</summary>
    public uint Add(TypeShape shape) => shape switch
    {
        BoolShape => Intern(new BtfInt("_Bool", 1, BtfIntEncoding.Bool, 0, 8)),
        IntegerShape integer => Intern(new BtfInt(CName(integer), (uint)integer.Size, integer.Signed ? BtfIntEncoding.Signed : BtfIntEncoding.None, 0, (byte)(integer.Size * 8))),
        FloatShape floating => Intern(new BtfFloat(floating.Size == 4 ? "float" : "double", (uint)floating.Size)),
        EnumShape enumeration => Intern(Enum(enumeration)),
        PointerShape pointer => Intern(new BtfPointer(pointer.Pointee is null ? 0 : Add(pointer.Pointee))),
        ForwardShape forward => Intern(new BtfForward(forward.Name, IsUnion: false)),
        ArrayShape array => Intern(new BtfArray(Add(array.Element), ArrayIndexType(), (uint)array.Length)),
        InlineArrayShape inline => Intern(new BtfStruct(inline.Name, (uint)inline.Size,
            [new BtfMember(inline.ElementFieldName, Intern(new BtfArray(Add(inline.Element), ArrayIndexType(), (uint)inline.Length)), 0)])),
        StructShape structure => Intern(new BtfStruct(structure.Name, (uint)structure.Size,
            [.. structure.Fields.Select(field => new BtfMember(field.Name, Add(field.Type), (uint)field.Offset * 8))])),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "a shape kind without BTF"),
    };

    /// <summary>The id of <c>int</c>, a program's return type.</summary>
    public uint Int() => Add(new IntegerShape("int", 4, true));

    /// <summary>The id of a pointer to the kernel struct <paramref name="name"/>, declared forward as clang does for a
    /// struct it only sees used through pointers.</summary>
    public uint PointerToKernelStruct(string name) => Intern(new BtfPointer(Intern(new BtfForward(name, IsUnion: false))));

    /// <summary>The id of <c>void *</c>.</summary>
    public uint VoidPointer() => Intern(new BtfPointer(0));

    /// <summary>Adds <paramref name="type"/> unless an identical type was added; returns its id.</summary>
    public uint Intern(BtfType type)
    {
        if (ids.TryGetValue(type, out uint id)) return id;
        id = builder.AddType(type);
        ids.Add(type, id);
        return id;
    }

    /// <summary>clang's array index type.</summary>
    uint ArrayIndexType() => Intern(new BtfInt("__ARRAY_SIZE_TYPE__", 4, BtfIntEncoding.None, 0, 32));

    static BtfType Enum(EnumShape shape)
    {
        var values = shape.Members.Select(member => new BtfEnumValue(member.Name, member.Value)).ToList();
        return shape.Size <= 4
            ? new BtfEnum(shape.Name, (uint)shape.Size, shape.Underlying.Signed, values)
            : new BtfEnum64(shape.Name, (uint)shape.Size, shape.Underlying.Signed, values);
    }

    static string CName(IntegerShape integer) => (integer.Size, integer.Signed) switch
    {
        (1, true) => "signed char",
        (1, false) => "unsigned char",
        (2, true) => "short",
        (2, false) => "unsigned short",
        (4, true) => "int",
        (4, false) => "unsigned int",
        (8, true) => "long",
        _ => "unsigned long",
    };
}
