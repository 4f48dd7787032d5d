using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Completes the DATASEC types of an object's BTF before it goes to the kernel, as libbpf does: clang writes them
/// with size 0 and every variable at offset 0, because only the linker knows the final layout. The size becomes the ELF
/// section's, each global variable's offset its symbol's value, and variables are sorted by offset (the kernel requires it).</summary>
internal static class DataSectionFixup
{
    /// <summary>Sections whose DATASEC describes externs, laid out by the loader rather than by ELF.</summary>
    static readonly string[] ExternSections = [".ksyms", ".kconfig"];

    /// <summary>Returns <paramref name="btf"/> with every DATASEC completed from <paramref name="file"/>, and its raw encoding.</summary>
    /// <exception cref="BpfElfException">A DATASEC names a section the object lacks, lists a type that is not a variable,
    /// or lists a global variable without a symbol.</exception>
    public static (BtfSpec Btf, byte[] Raw) Apply(BtfSpec btf, BpfObjectFile file)
    {
        var builder = new BtfBuilder(btf.Strings);
        for (int id = 1; id < btf.Types.Count; id++)
            builder.Add(btf.Types[id] is BtfDataSection datasec ? Complete(btf, datasec, file) : btf.Types[id]);
        var raw = builder.Build();
        return (BtfSpec.Parse(raw), raw);
    }

    static BtfDataSection Complete(BtfSpec btf, BtfDataSection datasec, BpfObjectFile file)
    {
        if (ExternSections.Contains(datasec.Name) || datasec.Size != 0)
            return datasec with { Variables = [.. datasec.Variables.OrderBy(v => v.Offset)] };
        var section = file.Sections.FirstOrDefault(s => s.Name == datasec.Name)
            ?? throw new BpfElfException($"BTF DATASEC '{datasec.Name}' describes a section the object does not have");
        if (section.Size == 0 || section.Size > uint.MaxValue)
            throw new BpfElfException($"BTF DATASEC '{datasec.Name}' describes section '{section.Name}' of {section.Size} bytes, which BTF cannot describe");
        var variables = new List<BtfSectionVariable>(datasec.Variables.Count);
        foreach (var info in datasec.Variables)
        {
            if (info.TypeId >= (uint)btf.Types.Count || btf.Types[(int)info.TypeId] is not BtfVariable variable)
                throw new BpfElfException($"BTF DATASEC '{datasec.Name}' lists type [{info.TypeId}], which is not a variable");
            if (variable.Linkage != BtfVariableLinkage.Global)
            {
                variables.Add(info);
                continue;
            }
            var symbol = file.Symbols.FirstOrDefault(s => s.Name == variable.Name && s.SectionIndex == section.Index
                                                          && s.Kind == BpfSymbolKind.Object && s.IsGlobal)
                ?? throw new BpfElfException($"BTF variable '{variable.Name}' of DATASEC '{datasec.Name}' has no global symbol in section '{section.Name}'");
            variables.Add(info with { Offset = (uint)symbol.Value });
        }
        return datasec with { Size = (uint)section.Size, Variables = [.. variables.OrderBy(v => v.Offset)] };
    }
}
