using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs;

/// <summary>Each regression program class's object is an ordinary libbpf-style object for the standard tools: bpftool
/// (libbpf) loads every program of it, and llvm-objdump's line table names the C# file the programs came from.</summary>
public class ProgramToolchainTests
{
    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Bpftool_prog_loadall_loads_every_program(string suiteName)
    {
        Privileged.RequireRoot();
        var suite = ProgramSuites.All[suiteName];
        string file = WriteObject(suite);
        string pins = $"/sys/fs/bpf/sharp-bpf-loadall-{Guid.NewGuid():N}";
        try
        {
            ExternalTool.Run("bpftool", ["prog", "loadall", file, pins]);
            Assert.Equal(suite.Programs.Select(p => p.Name).Order(StringComparer.Ordinal),
                Directory.GetFiles(pins).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(pins)) Directory.Delete(pins, recursive: true);
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Llvm_objdump_shows_the_csharp_file_and_line_of_every_program(string suiteName)
    {
        var suite = ProgramSuites.All[suiteName];
        string file = WriteObject(suite);
        try
        {
            string listing = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", file]);
            foreach (var program in suite.Programs)
            {
                int start = listing.IndexOf($"<{program.Name}>:", StringComparison.Ordinal);
                Assert.True(start >= 0, $"no listing of {program.Name}");
                Assert.Matches($@"; /\S+/{suite.KernelClass.Name}\.cs:\d+", listing[start..]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    static string WriteObject(ProgramSuite suite)
    {
        string file = Path.Combine(Path.GetTempPath(), $"sharp-bpf-{suite.Name}-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(file, suite.ObjectBytes);
        return file;
    }
}
