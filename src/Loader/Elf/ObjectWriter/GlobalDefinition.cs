namespace Sharp.Bpf.Elf;

/// <summary>A global variable in <c>.data</c> (initialised), <c>.rodata</c> (configuration set before load, frozen after) or
/// <c>.bss</c> (zeroed), or a section of those families (<c>.rodata.config</c>). The loader turns each section into a one-entry array map.</summary>
/// <param name="Name">The variable's name: a C identifier, unique among the object's functions, maps and globals.</param>
/// <param name="SectionName">The section: <c>.data</c>, <c>.rodata</c>, <c>.bss</c>, or one of their <c>.name</c> families.</param>
/// <param name="TypeId">The variable's BTF type, added with <see cref="BpfObjectBuilder.AddType"/>; its size is the variable's.</param>
public sealed record GlobalDefinition(string Name, string SectionName, uint TypeId)
{
    /// <summary>The initial value, exactly the type's size; empty for zeros (the only choice in <c>.bss</c>).</summary>
    public ReadOnlyMemory<byte> InitialValue { get; init; }
}
