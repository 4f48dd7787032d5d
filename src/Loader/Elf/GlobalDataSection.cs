namespace Sharp.Bpf.Elf;

/// <summary>Global variables: each <c>.data</c>, <c>.rodata</c>, <c>.bss</c> section (and <c>.data.*</c>, <c>.rodata.*</c>,
/// <c>.bss.*</c>) becomes a one-entry array map whose value is the section, as libbpf does.</summary>
internal static class GlobalDataSection
{
    /// <summary><c>BPF_F_RDONLY_PROG</c>: programs may not write the map.</summary>
    public const uint ReadOnlyForPrograms = 1u << 7;
    /// <summary><c>BPF_F_MMAPABLE</c>: user space can map the value into memory (Linux 5.5).</summary>
    public const uint Mappable = 1u << 10;

    /// <summary>The largest value an array map takes: the kernel refuses larger ones (KMALLOC_MAX_SIZE with 4 KiB pages).</summary>
    public const ulong MaxValueSize = 4 << 20;

    /// <summary>True for the section names that hold global variables.</summary>
    public static bool IsGlobalData(string name) => IsFamily(name, ".data") || IsFamily(name, ".rodata") || IsFamily(name, ".bss");

    /// <summary>The map for <paramref name="section"/>: named after the section, its contents the section's bytes (zeros
    /// for <c>.bss</c>), read-only for programs and frozen after initialisation for <c>.rodata*</c>.</summary>
    /// <param name="section">A section for which <see cref="IsGlobalData"/> holds.</param>
    /// <param name="datasecTypeId">The id of the section's BTF DATASEC, or 0.</param>
    /// <exception cref="BpfElfException">The section is larger than <see cref="MaxValueSize"/>.</exception>
    public static MapSpec ToMap(BpfSection section, uint datasecTypeId)
    {
        if (section.Size > MaxValueSize)
            throw new BpfElfException($"section '{section.Name}' is {section.Size} bytes; the kernel's array map values are at most {MaxValueSize} bytes");
        bool readOnly = IsFamily(section.Name, ".rodata");
        var value = section.Data.Length == (int)section.Size ? section.Data : new byte[section.Size];
        return new MapSpec
        {
            Name = section.Name,
            Type = MapType.Array,
            KeySize = sizeof(uint),
            ValueSize = (uint)section.Size,
            MaxEntries = 1,
            Flags = Mappable | (readOnly ? ReadOnlyForPrograms : 0),
            BtfValueTypeId = datasecTypeId,
            Contents = [new MapEntrySpec(new byte[sizeof(uint)], value)],
            DataSection = section.Name,
            Freeze = readOnly,
        };
    }

    static bool IsFamily(string name, string family) =>
        name == family || name.StartsWith(family + ".", StringComparison.Ordinal);
}
