namespace Sharp.Bpf.Btf;

/// <summary>The kind of a BTF type, numbered as <c>BTF_KIND_*</c> in include/uapi/linux/btf.h.</summary>
public enum BtfKind
{
    /// <summary>Type id 0, <c>void</c>; never encoded in a blob.</summary>
    Void = 0,
    /// <summary>An integer, <c>char</c> or <c>bool</c>.</summary>
    Int = 1,
    /// <summary>A pointer.</summary>
    Pointer = 2,
    /// <summary>A fixed-length array.</summary>
    Array = 3,
    /// <summary>A struct.</summary>
    Struct = 4,
    /// <summary>A union.</summary>
    Union = 5,
    /// <summary>An enum with 32-bit values.</summary>
    Enum = 6,
    /// <summary>A forward declaration of a struct or union.</summary>
    Forward = 7,
    /// <summary>A typedef.</summary>
    Typedef = 8,
    /// <summary>The <c>volatile</c> qualifier.</summary>
    Volatile = 9,
    /// <summary>The <c>const</c> qualifier.</summary>
    Const = 10,
    /// <summary>The <c>restrict</c> qualifier.</summary>
    Restrict = 11,
    /// <summary>A function (a name, a linkage and a prototype).</summary>
    Function = 12,
    /// <summary>A function prototype: return type and parameters.</summary>
    FunctionProto = 13,
    /// <summary>A global variable.</summary>
    Variable = 14,
    /// <summary>An ELF data section and the variables it holds.</summary>
    DataSection = 15,
    /// <summary>A floating-point type.</summary>
    Float = 16,
    /// <summary>A <c>btf_decl_tag</c> attribute on a declaration or one of its members or parameters.</summary>
    DeclTag = 17,
    /// <summary>A <c>btf_type_tag</c> attribute on a type.</summary>
    TypeTag = 18,
    /// <summary>An enum with 64-bit values.</summary>
    Enum64 = 19,
}
