namespace Sharp.Bpf.Btf;

/// <summary>What a CO-RE relocation computes (<c>enum bpf_core_relo_kind</c> in linux/bpf.h).</summary>
public enum BtfCoreRelocationKind
{
    /// <summary>A field's byte offset.</summary>
    FieldByteOffset = 0,
    /// <summary>A field's size in bytes.</summary>
    FieldByteSize = 1,
    /// <summary>Whether a field exists.</summary>
    FieldExists = 2,
    /// <summary>Whether a field is signed.</summary>
    FieldSigned = 3,
    /// <summary>The left shift that extracts a bitfield.</summary>
    FieldLeftShift = 4,
    /// <summary>The right shift that extracts a bitfield.</summary>
    FieldRightShift = 5,
    /// <summary>The type's id in the program's BTF.</summary>
    TypeIdLocal = 6,
    /// <summary>The type's id in the kernel's BTF.</summary>
    TypeIdTarget = 7,
    /// <summary>Whether the type exists in the kernel.</summary>
    TypeExists = 8,
    /// <summary>The type's size in the kernel.</summary>
    TypeSize = 9,
    /// <summary>Whether an enumerator exists.</summary>
    EnumValueExists = 10,
    /// <summary>An enumerator's value.</summary>
    EnumValue = 11,
    /// <summary>Whether the kernel's type matches the local one.</summary>
    TypeMatches = 12,
}
