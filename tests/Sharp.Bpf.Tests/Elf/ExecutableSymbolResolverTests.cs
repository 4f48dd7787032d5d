using System.Globalization;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Finding a function's file offset in host executables and libraries, checked against llvm-nm and llvm-readelf.</summary>
public sealed class ExecutableSymbolResolverTests
{
    static readonly Lazy<string> Target = new(() =>
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("sharp-bpf-host-").FullName, "uprobe_target");
        ExternalTool.Run("clang-19", ["-O1", "-o", output, Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "host", "uprobe_target.c")]);
        return output;
    });

    /// <summary>The file offset computed independently: the symbol's address from llvm-nm, mapped through llvm-readelf's LOAD segments.</summary>
    static ulong OracleOffset(string binary, string symbol, bool dynamic)
    {
        var nm = ExternalTool.Run("llvm-nm-19", dynamic ? ["-D", "--defined-only", binary] : ["--defined-only", binary]);
        var address = nm.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .First(f => f.Length == 3 && (f[2] == symbol || f[2].StartsWith(symbol + "@", StringComparison.Ordinal)))[0];
        ulong value = ulong.Parse(address, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        foreach (var line in ExternalTool.Run("llvm-readelf-19", ["-lW", binary]).Split('\n'))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 6 || f[0] != "LOAD") continue;
            ulong offset = Convert.ToUInt64(f[1], 16), vaddr = Convert.ToUInt64(f[2], 16), fileSize = Convert.ToUInt64(f[4], 16);
            if (value >= vaddr && value < vaddr + fileSize) return value - vaddr + offset;
        }
        throw new InvalidOperationException($"{symbol} at 0x{value:x} is in no LOAD segment");
    }

    [Theory]
    [InlineData("sharp_bpf_add")]
    [InlineData("sharp_bpf_square")]
    [InlineData("main")]
    public void Function_offset_in_an_executable_matches_the_segment_mapping(string symbol) =>
        Assert.Equal(OracleOffset(Target.Value, symbol, dynamic: false), ExecutableSymbolResolver.ResolveFileOffset(Target.Value, symbol));

    [Fact]
    public void Function_offset_in_libc_matches_the_dynamic_symbol_table()
    {
        var libc = SharedLibraryLocator.Locate("c");
        Assert.Equal(OracleOffset(libc, "malloc", dynamic: true), ExecutableSymbolResolver.ResolveFileOffset(libc, "malloc"));
    }

    [Theory]
    [InlineData("c")]
    [InlineData("libc")]
    [InlineData("libc.so.6")]
    public void Library_names_are_found_in_the_standard_folders(string name) =>
        Assert.StartsWith("libc.so", Path.GetFileName(SharedLibraryLocator.Locate(name)));

    [Fact]
    public void A_missing_library_names_the_folders_searched() =>
        Assert.Contains("/usr/lib", Assert.Throws<FileNotFoundException>(() => SharedLibraryLocator.Locate("sharp_bpf_no_such_lib")).Message);

    [Fact]
    public void A_missing_function_lists_similar_names()
    {
        var error = Assert.Throws<BpfElfException>(() => ExecutableSymbolResolver.ResolveFileOffset(Target.Value, "sharp_bpf"));
        Assert.Contains("no function 'sharp_bpf'", error.Message);
        Assert.Contains("sharp_bpf_add", error.Message);
    }

    [Fact]
    public void A_variable_is_not_a_function() =>
        Assert.Contains("is not a defined function", Assert.Throws<BpfElfException>(() => ExecutableSymbolResolver.ResolveFileOffset(Target.Value, "sharp_bpf_counter")).Message);

    [Fact]
    public void A_file_that_is_not_ELF_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "#!/bin/sh\n");
            Assert.Contains("is not an ELF file", Assert.Throws<BpfElfException>(() => ExecutableSymbolResolver.ResolveFileOffset(path, "main")).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_FileNotFoundException() =>
        Assert.Throws<FileNotFoundException>(() => ExecutableSymbolResolver.ResolveFileOffset("/nonexistent/binary", "main"));
}
