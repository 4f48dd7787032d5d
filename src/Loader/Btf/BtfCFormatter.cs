using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Btf;

/// <summary>Prints BTF types as C, e.g. a map's key layout as <c>struct flow_key { __u32 saddr; ... }</c>.
/// Anonymous structs, unions and enums are printed inline; named ones by name.</summary>
public static class BtfCFormatter
{
    /// <summary>The C definition of a type: the body of a struct, union or enum, a typedef, a variable or a function declaration;
    /// for any other type, its name as in a cast.</summary>
    /// <param name="spec">The BTF the type belongs to.</param>
    /// <param name="id">The type id.</param>
    /// <returns>C source without a trailing semicolon.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    public static string Declaration(BtfSpec spec, uint id) => spec[id] switch
    {
        BtfComposite or BtfEnum or BtfEnum64 => Body(spec, id, 0, [id]),
        BtfTypedef t => "typedef " + Declarator(spec, t.TypeId, t.Name, 0, []),
        BtfVariable t => Declarator(spec, t.TypeId, t.Name, 0, []),
        BtfFunction t => Declarator(spec, t.ProtoTypeId, t.Name, 0, []),
        _ => TypeName(spec, id),
    };

    /// <summary>The C name of a type as in a cast, e.g. <c>const char *</c> or <c>struct flow_key</c>.</summary>
    /// <param name="spec">The BTF the type belongs to.</param>
    /// <param name="id">The type id.</param>
    /// <returns>The type name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is past the last type.</exception>
    public static string TypeName(BtfSpec spec, uint id) => Declarator(spec, id, "", 0, []).TrimEnd();

    /// <summary>Prints type <paramref name="id"/> declaring <paramref name="inner"/> (a name, possibly with pointer stars already applied).
    /// <paramref name="expanding"/> holds the types being printed further out, so a cycle through a pointer prints a marker instead of recursing forever.</summary>
    static string Declarator(BtfSpec spec, uint id, string inner, int depth, HashSet<uint> expanding)
    {
        if (!expanding.Add(id)) return Join($"/* cycle to [{id}] */", inner);
        var text = DeclaratorOf(spec, id, inner, depth, expanding);
        expanding.Remove(id);
        return text;
    }

    static string DeclaratorOf(BtfSpec spec, uint id, string inner, int depth, HashSet<uint> expanding)
    {
        var type = spec[id];
        switch (type)
        {
            case BtfPointer t:
                return Declarator(spec, t.TypeId, "*" + inner, depth, expanding);
            case BtfConst t:
                return Qualified(spec, t.TypeId, "const", inner, depth, expanding);
            case BtfVolatile t:
                return Qualified(spec, t.TypeId, "volatile", inner, depth, expanding);
            case BtfRestrict t:
                return Qualified(spec, t.TypeId, "restrict", inner, depth, expanding);
            case BtfTypeTag t:
                return Qualified(spec, t.TypeId, $"__attribute__((btf_type_tag(\"{t.Name}\")))", inner, depth, expanding);
            case BtfArray t:
                return Declarator(spec, t.ElementTypeId, Group(inner) + string.Create(CultureInfo.InvariantCulture, $"[{t.Length}]"), depth, expanding);
            case BtfFunctionProto t:
                var parameters = t.Parameters.Count == 0
                    ? "void"
                    : string.Join(", ", t.Parameters.Select(p => p is { TypeId: 0, Name: "" } ? "..." : Declarator(spec, p.TypeId, p.Name, depth, expanding).TrimEnd()));
                return Declarator(spec, t.ReturnTypeId, $"{Group(inner)}({parameters})", depth, expanding);
            case BtfVariable t:
                return Declarator(spec, t.TypeId, inner, depth, expanding);
            case BtfFunction t:
                return Declarator(spec, t.ProtoTypeId, inner, depth, expanding);
        }
        return Join(Specifier(spec, id, depth, expanding), inner);
    }

    static string Qualified(BtfSpec spec, uint target, string qualifier, string inner, int depth, HashSet<uint> expanding) =>
        spec[target] is BtfPointer
            ? Declarator(spec, target, Join(qualifier, inner), depth, expanding)
            : qualifier + " " + Declarator(spec, target, inner, depth, expanding);

    /// <summary>The type specifier: a named type's name, or the inline body of an anonymous struct, union or enum.</summary>
    static string Specifier(BtfSpec spec, uint id, int depth, HashSet<uint> expanding)
    {
        var type = spec[id];
        return type switch
        {
            BtfVoid => "void",
            BtfStruct { Name: not "" } t => "struct " + t.Name,
            BtfUnion { Name: not "" } t => "union " + t.Name,
            BtfEnum { Name: not "" } or BtfEnum64 { Name: not "" } => "enum " + type.Name,
            BtfForward t => (t.IsUnion ? "union " : "struct ") + t.Name,
            BtfComposite or BtfEnum or BtfEnum64 => Body(spec, id, depth, expanding),
            BtfDataSection t => $"/* DATASEC {t.Name} */",
            BtfDeclTag t => $"/* DECL_TAG {t.Name} */",
            _ => type.Name,
        };
    }

    static string Body(BtfSpec spec, uint id, int depth, HashSet<uint> expanding)
    {
        var type = spec[id];
        var indent = new string('\t', depth + 1);
        var text = new StringBuilder(Keyword(type));
        if (type.Name.Length > 0) text.Append(' ').Append(type.Name);
        text.Append(" {\n");
        switch (type)
        {
            case BtfComposite t:
                foreach (var member in t.Members)
                {
                    text.Append(indent).Append(Declarator(spec, member.TypeId, member.Name, depth + 1, expanding).TrimEnd());
                    if (member.BitfieldSize != 0) text.Append(CultureInfo.InvariantCulture, $" : {member.BitfieldSize}");
                    text.Append(";\n");
                }
                break;
            case BtfEnum t:
                AppendEnumerators(text, indent, t.IsSigned, t.Values);
                break;
            case BtfEnum64 t:
                AppendEnumerators(text, indent, t.IsSigned, t.Values);
                break;
        }
        return text.Append('\t', depth).Append('}').ToString();
    }

    static void AppendEnumerators(StringBuilder text, string indent, bool signed, IReadOnlyList<BtfEnumValue> values)
    {
        foreach (var value in values)
            text.Append(indent).Append(value.Name).Append(" = ")
                .Append(signed ? value.Value.ToString(CultureInfo.InvariantCulture) : value.UnsignedValue.ToString(CultureInfo.InvariantCulture))
                .Append(",\n");
    }

    static string Keyword(BtfType type) => type switch
    {
        BtfUnion => "union",
        BtfEnum or BtfEnum64 => "enum",
        _ => "struct",
    };

    /// <summary>A pointer declarator gets parentheses before an array or parameter suffix: <c>(*fn)(int)</c>, not <c>*fn(int)</c>.</summary>
    static string Group(string inner) => inner.StartsWith('*') ? $"({inner})" : inner;

    static string Join(string specifier, string inner) => inner.Length == 0 ? specifier : specifier + " " + inner;
}
