using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>The BTF handed to the kernel has its DATASECs completed from the ELF layout, as libbpf does.</summary>
public sealed class CollectionSpecBtfTests
{
    public static TheoryData<string> Corpus => new(LoaderCorpus.AllPrograms);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_datasec_has_its_section_size_and_variables_at_their_symbol_offsets_in_order(string source)
    {
        var path = LoaderCorpus.Compile(source);
        var sections = ReadElf.Sections(path).Values.ToDictionary(s => s.Name, s => s.Size);
        var symbols = ReadElf.Symbols(path).Where(s => s.Type == "OBJECT").ToLookup(s => s.Name);

        var btf = CollectionSpec.ReadFile(path).Btf!;

        foreach (var datasec in btf.Types.OfType<BtfDataSection>())
        {
            Assert.Equal(sections[datasec.Name], datasec.Size);
            Assert.Equal(datasec.Variables.Select(v => v.Offset).Order(), datasec.Variables.Select(v => v.Offset));
            foreach (var variable in datasec.Variables)
            {
                var btfVariable = (BtfVariable)btf[variable.TypeId];
                if (btfVariable.Linkage == BtfVariableLinkage.Global)
                    Assert.Equal(symbols[btfVariable.Name].Single(s => s.Section == datasec.Name).Value, variable.Offset);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_raw_btf_is_the_encoding_of_the_completed_types(string source)
    {
        var spec = LoaderCorpus.Read(source);

        Assert.Equal(spec.Btf!.ToBytes(), spec.RawBtf!.Value.ToArray());
        Assert.Equal(spec.Btf.Types.Count, BtfSpec.Parse(spec.RawBtf.Value.Span).Types.Count);
    }

    [Fact]
    public void A_global_data_map_uses_its_datasec_as_value_type()
    {
        var spec = LoaderCorpus.Read("globals.c");

        var rodata = spec.Maps[".rodata"];
        Assert.Equal((BtfKind.DataSection, ".rodata"), (spec.Btf![rodata.BtfValueTypeId].Kind, spec.Btf[rodata.BtfValueTypeId].Name));
        Assert.Equal(0u, rodata.BtfKeyTypeId);
    }
}
