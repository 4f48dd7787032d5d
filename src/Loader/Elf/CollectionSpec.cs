using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>The parsed, deterministic description of an object file: its maps, programs and BTF.
/// Nothing here touches the kernel; <c>Sharp.Bpf.Collection</c> turns it into kernel objects.</summary>
public sealed record CollectionSpec
{
    /// <summary>Maps by name, in declaration order.</summary>
    public required IReadOnlyDictionary<string, MapSpec> Maps { get; init; }
    /// <summary>Programs by function name, in section then offset order.</summary>
    public required IReadOnlyDictionary<string, ProgramSpec> Programs { get; init; }
    /// <summary>The object's <c>.BTF</c>, parsed, or null when it has none.</summary>
    public BtfSpec? Btf { get; init; }
    /// <summary>The raw <c>.BTF</c> bytes to hand to <c>BPF_BTF_LOAD</c> (DATASEC sizes and offsets filled in), or null.</summary>
    public ReadOnlyMemory<byte>? RawBtf { get; init; }
    /// <summary>The licence from the <c>license</c> section, or empty.</summary>
    public string License { get; init; } = "";
}
