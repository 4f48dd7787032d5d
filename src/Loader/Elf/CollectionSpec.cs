using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>The parsed, deterministic description of an object file: its maps, programs and BTF.
/// Nothing here touches the kernel; <c>Sharp.Bpf.Collection</c> turns it into kernel objects.</summary>
public sealed partial record CollectionSpec
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

    /// <summary>Reads an ELF eBPF object (as clang <c>-target bpf</c> or our generator writes it) from its bytes.</summary>
    /// <param name="bytes">The object file's contents.</param>
    /// <returns>The object's maps, programs (relocated and linked) and BTF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    /// <exception cref="BpfElfException">The bytes are not a relocatable eBPF object, or the object is malformed (sections,
    /// symbols, relocations, map definitions, section names); the message names the section and offset.</exception>
    /// <exception cref="BtfFormatException">The <c>.BTF</c> or <c>.BTF.ext</c> section is malformed.</exception>
    public static CollectionSpec Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return CollectionSpecReader.Read(bytes);
    }

    /// <summary>Reads the ELF eBPF object at <paramref name="path"/>.</summary>
    /// <param name="path">The object file.</param>
    /// <returns>The object's maps, programs (relocated and linked) and BTF.</returns>
    /// <exception cref="BpfElfException">The file is not a relocatable eBPF object, or the object is malformed.</exception>
    /// <exception cref="BtfFormatException">The <c>.BTF</c> or <c>.BTF.ext</c> section is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static CollectionSpec ReadFile(string path) => Read(File.ReadAllBytes(path));
}
