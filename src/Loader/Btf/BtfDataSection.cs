namespace Sharp.Bpf.Btf;

/// <summary>An ELF data section and its variables (<c>BTF_KIND_DATASEC</c>), e.g. <c>.data</c>, <c>.rodata</c>, <c>.bss</c>, <c>.maps</c>.</summary>
/// <param name="Name">The ELF section name.</param>
/// <param name="Size">Section size in bytes; clang leaves 0 for the loader to fill in.</param>
/// <param name="Variables">The variables in the section.</param>
public sealed record BtfDataSection(string Name, uint Size, IReadOnlyList<BtfSectionVariable> Variables) : BtfType(Name)
{
    /// <summary>The variables in the section.</summary>
    public IReadOnlyList<BtfSectionVariable> Variables { get; init => field = ValueList<BtfSectionVariable>.From(value); } = ValueList<BtfSectionVariable>.From(Variables);

    /// <inheritdoc/>
    public override BtfKind Kind => BtfKind.DataSection;
}
