using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Btf;

/// <summary>Formats BTF in the raw text format of <c>bpftool btf dump file X.o</c>, one type per entry,
/// e.g. <c>[1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED</c>.</summary>
public static class BtfRawFormatter
{
    /// <summary>Formats every type, one per entry, each member on its own tab-indented line.</summary>
    /// <param name="spec">The BTF to format.</param>
    /// <returns>The dump, each line ending in a newline.</returns>
    public static string Format(BtfSpec spec)
    {
        var text = new StringBuilder();
        for (uint id = 1; id < (uint)spec.Types.Count; id++) text.Append(FormatType(spec, id)).Append('\n');
        return text.ToString();
    }

    /// <summary>Formats one type as bpftool does, members on following tab-indented lines, without a final newline.</summary>
    /// <param name="spec">The BTF the type belongs to (data section entries show their variables' names).</param>
    /// <param name="id">The type id.</param>
    /// <returns>The type's entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or past the last type.</exception>
    public static string FormatType(BtfSpec spec, uint id)
    {
        ArgumentOutOfRangeException.ThrowIfZero(id);
        var type = spec[id];
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"[{id}] {KindName(type.Kind)} {Quote(type.Name)}");
        switch (type)
        {
            case BtfInt t:
                text.Append(CultureInfo.InvariantCulture, $" size={t.Size} bits_offset={t.BitOffset} nr_bits={t.BitCount} encoding={IntEncodingName(t.Encoding)}");
                break;
            case BtfPointer t: AppendTypeId(text, t.TypeId); break;
            case BtfTypedef t: AppendTypeId(text, t.TypeId); break;
            case BtfVolatile t: AppendTypeId(text, t.TypeId); break;
            case BtfConst t: AppendTypeId(text, t.TypeId); break;
            case BtfRestrict t: AppendTypeId(text, t.TypeId); break;
            case BtfTypeTag t: AppendTypeId(text, t.TypeId); break;
            case BtfArray t:
                text.Append(CultureInfo.InvariantCulture, $" type_id={t.ElementTypeId} index_type_id={t.IndexTypeId} nr_elems={t.Length}");
                break;
            case BtfComposite t:
                text.Append(CultureInfo.InvariantCulture, $" size={t.Size} vlen={t.Members.Count}");
                foreach (var member in t.Members)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n\t{Quote(member.Name)} type_id={member.TypeId} bits_offset={member.BitOffset}");
                    if (member.BitfieldSize != 0) text.Append(CultureInfo.InvariantCulture, $" bitfield_size={member.BitfieldSize}");
                }
                break;
            case BtfEnum t:
                AppendEnum(text, t.IsSigned, t.Size, t.Values, "", "");
                break;
            case BtfEnum64 t:
                AppendEnum(text, t.IsSigned, t.Size, t.Values, "LL", "ULL");
                break;
            case BtfForward t:
                text.Append(t.IsUnion ? " fwd_kind=union" : " fwd_kind=struct");
                break;
            case BtfFunction t:
                text.Append(CultureInfo.InvariantCulture, $" type_id={t.ProtoTypeId} linkage={LinkageName((int)t.Linkage)}");
                break;
            case BtfFunctionProto t:
                text.Append(CultureInfo.InvariantCulture, $" ret_type_id={t.ReturnTypeId} vlen={t.Parameters.Count}");
                foreach (var parameter in t.Parameters)
                    text.Append(CultureInfo.InvariantCulture, $"\n\t{Quote(parameter.Name)} type_id={parameter.TypeId}");
                break;
            case BtfVariable t:
                text.Append(CultureInfo.InvariantCulture, $" type_id={t.TypeId}, linkage={LinkageName((int)t.Linkage)}");
                break;
            case BtfDataSection t:
                text.Append(CultureInfo.InvariantCulture, $" size={t.Size} vlen={t.Variables.Count}");
                foreach (var variable in t.Variables)
                {
                    var target = spec[variable.TypeId];
                    text.Append(CultureInfo.InvariantCulture, $"\n\ttype_id={variable.TypeId} offset={variable.Offset} size={variable.Size} ({KindName(target.Kind)} {Quote(target.Name)})");
                }
                break;
            case BtfFloat t:
                text.Append(CultureInfo.InvariantCulture, $" size={t.Size}");
                break;
            case BtfDeclTag t:
                text.Append(CultureInfo.InvariantCulture, $" type_id={t.TypeId} component_idx={t.ComponentIndex}");
                break;
        }
        return text.ToString();
    }

    /// <summary>The name bpftool prints for a kind, e.g. <c>FUNC_PROTO</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The <c>BTF_KIND_</c> suffix, or <c>UNKN</c> for <see cref="BtfKind.Void"/>.</returns>
    public static string KindName(BtfKind kind) => kind switch
    {
        BtfKind.Int => "INT",
        BtfKind.Pointer => "PTR",
        BtfKind.Array => "ARRAY",
        BtfKind.Struct => "STRUCT",
        BtfKind.Union => "UNION",
        BtfKind.Enum => "ENUM",
        BtfKind.Forward => "FWD",
        BtfKind.Typedef => "TYPEDEF",
        BtfKind.Volatile => "VOLATILE",
        BtfKind.Const => "CONST",
        BtfKind.Restrict => "RESTRICT",
        BtfKind.Function => "FUNC",
        BtfKind.FunctionProto => "FUNC_PROTO",
        BtfKind.Variable => "VAR",
        BtfKind.DataSection => "DATASEC",
        BtfKind.Float => "FLOAT",
        BtfKind.DeclTag => "DECL_TAG",
        BtfKind.TypeTag => "TYPE_TAG",
        BtfKind.Enum64 => "ENUM64",
        _ => "UNKN",
    };

    static void AppendTypeId(StringBuilder text, uint typeId) => text.Append(CultureInfo.InvariantCulture, $" type_id={typeId}");

    static void AppendEnum(StringBuilder text, bool signed, uint size, IReadOnlyList<BtfEnumValue> values, string signedSuffix, string unsignedSuffix)
    {
        text.Append(CultureInfo.InvariantCulture, $" encoding={(signed ? "SIGNED" : "UNSIGNED")} size={size} vlen={values.Count}");
        foreach (var value in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\t{Quote(value.Name)} val=");
            text.Append(signed
                ? string.Create(CultureInfo.InvariantCulture, $"{value.Value}{signedSuffix}")
                : string.Create(CultureInfo.InvariantCulture, $"{value.UnsignedValue}{unsignedSuffix}"));
        }
    }

    static string Quote(string name) => name.Length == 0 ? "'(anon)'" : $"'{name}'";

    static string IntEncodingName(BtfIntEncoding encoding) => encoding switch
    {
        BtfIntEncoding.Signed => "SIGNED",
        BtfIntEncoding.Char => "CHAR",
        BtfIntEncoding.Bool => "BOOL",
        _ => "(none)",
    };

    static string LinkageName(int linkage) => linkage switch
    {
        0 => "static",
        1 => "global",
        _ => "extern",
    };
}
