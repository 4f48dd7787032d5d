using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>The LLVM tools and bpftool read written objects without complaint, and show our types and C# source lines.</summary>
public sealed class ObjectWriterToolTests
{
    [Theory]
    [MemberData(nameof(WrittenObjects.Names), MemberType = typeof(WrittenObjects))]
    public void Llvm_readelf_reads_sections_relocations_and_symbols_without_warnings(string name)
    {
        var path = WrittenObjects.SaveToFile(WrittenObjects.ByName(name), name);

        var output = ExternalTool.Run("llvm-readelf-19", ["-S", "-r", "-s", "--wide", path], null, out var errors);

        Assert.Equal("", errors);
        Assert.Contains("BPF", output);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Llvm_readelf_shows_the_relocations_clang_would_write()
    {
        var xdp = ExternalTool.Run("llvm-readelf-19", ["-r", "--wide", WrittenObjects.SaveToFile(WrittenObjects.XdpCounter(), "xdp")]);
        var calls = ExternalTool.Run("llvm-readelf-19", ["-r", "--wide", WrittenObjects.SaveToFile(WrittenObjects.TracepointWithSubprograms(), "tp")]);
        var globals = ExternalTool.Run("llvm-readelf-19", ["-r", "--wide", WrittenObjects.SaveToFile(WrittenObjects.SocketFilter(), "socket")]);

        Assert.Matches(@"(?m)^0+20\s+\S+\s+R_BPF_64_64\s+0+\s+counts$", xdp);
        Assert.Matches(@"(?m)^0+8\s+\S+\s+R_BPF_64_32\s+0+\s+\.text$", calls);
        Assert.Matches(@"(?m)^0+18\s+\S+\s+R_BPF_64_32\s+0+\s+\.text$", calls);
        Assert.Matches(@"(?m)^0+40\s+\S+\s+R_BPF_64_64\s+0+\s+\.rodata$", globals);
        Assert.Matches(@"(?m)^0+28\s+\S+\s+R_BPF_64_64\s+0+\s+\.bss$", globals);
        Assert.Contains("Relocation section '.rel.debug_line'", xdp);
    }

    [Theory]
    [MemberData(nameof(WrittenObjects.Names), MemberType = typeof(WrittenObjects))]
    public void Llvm_dwarfdump_reads_the_line_table_without_errors_or_warnings(string name)
    {
        var path = WrittenObjects.SaveToFile(WrittenObjects.ByName(name), name);

        var output = ExternalTool.Run("llvm-dwarfdump-19", ["--debug-line", "--debug-info", path], null, out var errors);

        Assert.Equal("", errors);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("version: 4", output);
        Assert.Contains("No errors.", ExternalTool.Run("llvm-dwarfdump-19", ["--verify", path]));
    }

    [Theory]
    [MemberData(nameof(WrittenObjects.Names), MemberType = typeof(WrittenObjects))]
    public void Libbpfs_static_linker_links_a_written_object(string name)
    {
        Privileged.RequireTool("bpftool");
        var path = WrittenObjects.SaveToFile(WrittenObjects.ByName(name), name);
        var linked = Path.ChangeExtension(path, ".linked.o");

        ExternalTool.Run("bpftool", ["gen", "object", linked, path]);

        Assert.Equal(WrittenObjects.ByName(name).Functions.Keys.Order(StringComparer.Ordinal),
            Sharp.Bpf.Elf.BpfObjectFile.Read(linked).Symbols.Where(s => s.Kind == Sharp.Bpf.Elf.BpfSymbolKind.Function).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Llvm_objdump_prints_the_csharp_file_and_line_before_the_instructions()
    {
        var path = WrittenObjects.SaveToFile(WrittenObjects.XdpCounter(), "xdp");

        var lines = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", "--no-show-raw-insn", path]).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal("0:\tr1 = *(u32 *)(r1 + 0xc)", lines[lines.IndexOf($"; {WrittenObjects.CounterFile}:12") + 1]);
        Assert.Equal("2:\tr2 = r10", lines[lines.IndexOf($"; {WrittenObjects.CounterFile}:13") + 1]);
        Assert.Equal("10:\tr0 = 0x2", lines[lines.IndexOf($"; {WrittenObjects.CounterFile}:16") + 1]);
    }

    [Fact]
    public void Llvm_objdump_prints_lines_in_every_code_section()
    {
        var path = WrittenObjects.SaveToFile(WrittenObjects.TracepointWithSubprograms(), "tp");

        var output = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", path]);

        foreach (int line in new[] { 28, 29, 35, 40 })
            Assert.Contains($"; {WrittenObjects.TracepointFile}:{line}", output);
    }

    [Fact]
    public void Bpftool_dumps_our_types_maps_functions_and_datasecs()
    {
        Privileged.RequireTool("bpftool");
        var xdp = ExternalTool.Run("bpftool", ["btf", "dump", "file", WrittenObjects.SaveToFile(WrittenObjects.XdpCounter(), "xdp")]);
        var socket = ExternalTool.Run("bpftool", ["btf", "dump", "file", WrittenObjects.SaveToFile(WrittenObjects.SocketFilter(), "socket")]);

        Assert.Contains("STRUCT 'counter_key' size=4 vlen=1", xdp);
        Assert.Contains("FUNC 'count_packets' type_id=5 linkage=global", xdp);
        Assert.Contains("VAR 'counts' type_id=", xdp);
        Assert.Contains("DATASEC '.maps' size=", xdp);
        Assert.Contains("DATASEC '.rodata' size=4 vlen=1", socket);
        Assert.Contains("DATASEC '.bss' size=16 vlen=2", socket);
    }
}
