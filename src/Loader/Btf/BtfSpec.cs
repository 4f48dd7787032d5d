namespace Sharp.Bpf.Btf;

/// <summary>An immutable model of raw BTF: every type by id, and the string section the types and <c>.BTF.ext</c> point into.</summary>
public sealed class BtfSpec
{
    /// <summary>Pointers in BPF programs are 64 bits wide.</summary>
    const uint PointerSize = 8;

    internal BtfSpec(IReadOnlyList<BtfType> types, BtfStringTable strings)
    {
        Types = types;
        Strings = strings;
    }

    /// <summary>Every type, indexed by type id: <c>Types[0]</c> is <see cref="BtfVoid"/>, the first encoded type is <c>Types[1]</c>.</summary>
    public IReadOnlyList<BtfType> Types { get; }

    /// <summary>The string section, kept byte for byte so that rebuilding reproduces the blob and <c>.BTF.ext</c> offsets stay valid.</summary>
    public BtfStringTable Strings { get; }

    /// <summary>Parses a raw BTF blob, the contents of an ELF <c>.BTF</c> section or of a <c>BPF_BTF_LOAD</c> buffer (little-endian only).</summary>
    /// <param name="blob">The raw bytes.</param>
    /// <returns>The model of every type in the blob.</returns>
    /// <exception cref="BtfFormatException">The blob is big-endian, truncated, has a bad header, an offset or count out of range,
    /// an unknown kind, a reference to a missing type, or a type that contains itself by value; the message names the type id or offset.</exception>
    public static BtfSpec Parse(ReadOnlySpan<byte> blob) => BtfParser.Parse(blob);

    /// <summary>Encodes this model back into a raw blob, keeping the string section as parsed.</summary>
    /// <returns>The blob; byte-for-byte the parsed blob for clang-produced BTF.</returns>
    public byte[] ToBytes()
    {
        var builder = new BtfBuilder(Strings);
        for (int id = 1; id < Types.Count; id++) builder.Add(Types[id]);
        return builder.Build();
    }

    /// <summary>The type with id <paramref name="id"/>.</summary>
    /// <param name="id">A type id; 0 is <c>void</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    public BtfType this[uint id] => id < (uint)Types.Count
        ? Types[(int)id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"BTF has types 0..{Types.Count - 1}");

    /// <summary>Finds the first type of <paramref name="kind"/> named <paramref name="name"/>.</summary>
    /// <param name="name">The type's name, e.g. <c>flow_key</c>.</param>
    /// <param name="kind">The kind to look for, e.g. <see cref="BtfKind.Struct"/>.</param>
    /// <param name="id">The type's id, or 0 when none matches.</param>
    /// <returns>False when no type of that kind has that name.</returns>
    public bool TryFindType(string name, BtfKind kind, out uint id)
    {
        for (id = 1; id < (uint)Types.Count; id++)
            if (Types[(int)id].Kind == kind && Types[(int)id].Name == name) return true;
        id = 0;
        return false;
    }

    /// <summary>Follows typedefs, <c>const</c>, <c>volatile</c>, <c>restrict</c> and type tags to the type underneath.</summary>
    /// <param name="id">The type id to start from.</param>
    /// <returns>The id of the first type that is none of those (0 for <c>void</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    public uint Resolve(uint id)
    {
        // Terminates: the parser rejects cycles that do not pass through a pointer.
        while (true)
        {
            switch (this[id])
            {
                case BtfTypedef t: id = t.TypeId; break;
                case BtfConst t: id = t.TypeId; break;
                case BtfVolatile t: id = t.TypeId; break;
                case BtfRestrict t: id = t.TypeId; break;
                case BtfTypeTag t: id = t.TypeId; break;
                default: return id;
            }
        }
    }

    /// <summary>The size in bytes of a value of type <paramref name="id"/>, if the type has one.</summary>
    /// <param name="id">The type id.</param>
    /// <param name="size">The size in bytes, or 0 when the type has none.</param>
    /// <returns>False for <c>void</c>, forward declarations, functions, prototypes and decl tags, and for arrays larger than 4 GiB.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    public bool TrySizeOf(uint id, out uint size)
    {
        size = 0;
        switch (this[Resolve(id)])
        {
            case BtfInt t: size = t.Size; return true;
            case BtfFloat t: size = t.Size; return true;
            case BtfEnum t: size = t.Size; return true;
            case BtfEnum64 t: size = t.Size; return true;
            case BtfComposite t: size = t.Size; return true;
            case BtfDataSection t: size = t.Size; return true;
            case BtfPointer: size = PointerSize; return true;
            case BtfVariable t: return TrySizeOf(t.TypeId, out size);
            case BtfArray t:
                if (!TrySizeOf(t.ElementTypeId, out uint element)) return false;
                ulong total = (ulong)element * t.Length;
                if (total > uint.MaxValue) return false;
                size = (uint)total;
                return true;
            default: return false;
        }
    }

    /// <summary>The size in bytes of a value of type <paramref name="id"/>.</summary>
    /// <param name="id">The type id.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    /// <exception cref="ArgumentException">The type has no size (<c>void</c>, a forward declaration, a function, a prototype
    /// or a decl tag), or is an array larger than 4 GiB.</exception>
    public uint SizeOf(uint id) => TrySizeOf(id, out uint size)
        ? size
        : throw new ArgumentException($"BTF type [{id}] {BtfRawFormatter.KindName(this[id].Kind)} '{this[id].Name}' has no size", nameof(id));
}
