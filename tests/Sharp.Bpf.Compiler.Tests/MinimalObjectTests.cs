using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests;

/// <summary>End to end: <see cref="Minimal"/> is compiled by the generator during this project's build; its embedded
/// object is read, loaded, test-run and disassembled with line info.</summary>
public class MinimalObjectTests
{
    static byte[] Bytes => Minimal.ObjectBytes.ToArray();

    [Fact]
    public void Generated_bytes_are_a_readable_object_with_both_programs()
    {
        var spec = CollectionSpec.Read(Bytes);
        Assert.Equal(2, spec.Programs.Count);
        Assert.Equal("xdp", spec.Programs["Pass"].SectionName);
        Assert.Equal(ProgramType.Xdp, spec.Programs["Pass"].Type);
        Assert.Equal("socket", spec.Programs["Keep"].SectionName);
        Assert.Equal(ProgramType.SocketFilter, spec.Programs["Keep"].Type);
        Assert.Equal("GPL", spec.Programs["Pass"].License);
    }

    [Fact]
    public void Programs_load_and_return_their_constants()
    {
        Privileged.RequireRoot();
        using var collection = Collection.Load(CollectionSpec.Read(Bytes));
        var frame = new byte[64];
        Assert.Equal(2u, collection.Programs["Pass"].Test(new ProgramTestOptions { Data = frame }).ReturnValue);
        Assert.Equal(42u, collection.Programs["Keep"].Test(new ProgramTestOptions { Data = frame }).ReturnValue);
    }

    [Fact]
    public void Objdump_shows_the_csharp_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharp-bpf-minimal-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, Bytes);
        try
        {
            var listing = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", path]);
            Assert.Contains("Minimal.cs:", listing);
            Assert.Contains("r0 = 0x2", listing);
            Assert.Contains("r0 = 0x2a", listing);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
