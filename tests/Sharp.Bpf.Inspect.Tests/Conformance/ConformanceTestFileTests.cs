using Sharp.Bpf.Inspect.Conformance;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Conformance;

/// <summary>Reading the suite's <c>.data</c> format.</summary>
public sealed class ConformanceTestFileTests
{
    [Fact]
    public void Sections_are_read_with_comments_dropped()
    {
        var file = ConformanceTestFile.Parse("t", "# header\n-- asm\nmov %r0, 1\nexit\n-- mem\naa bb\n01\n-- result\n0x1\n");
        Assert.Equal("mov %r0, 1\nexit", file.Assembly);
        Assert.Equal([0xaa, 0xbb, 0x01], file.Memory);
        Assert.Equal(1ul, file.ExpectedResult);
        Assert.False(file.ExpectsError);
    }

    [Fact]
    public void Raw_words_are_little_endian_instructions_and_take_precedence()
    {
        var file = ConformanceTestFile.Parse("t", "-- asm\nexit\n-- raw\n0x0000000000000095\n-- result\n0x0\n");
        Assert.Equal(Convert.FromHexString("9500000000000000"), file.ProgramBytes());
    }

    [Fact]
    public void Raw_byte_lines_are_read_in_order()
    {
        var file = ConformanceTestFile.Parse("t", "-- raw\n95 00 00 00 00 00 00 00\n-- error\n");
        Assert.Equal(Convert.FromHexString("9500000000000000"), file.Raw);
        Assert.True(file.ExpectsError);
    }

    [Theory]
    [InlineData("", "no program")]
    [InlineData("-- result\n0x0\n", "no program")]
    [InlineData("-- asm\n-- Unknown directive\n-- error\n", "unknown section '-- Unknown directive'")]
    [InlineData("-- asm\nexit\n", "needs an '-- result' or an '-- error' section")]
    [InlineData("-- asm\nexit\n-- mem\nzz\n-- result\n0x0\n", "'zz' is not a hex byte")]
    [InlineData("-- asm\nexit\n-- result\nnope\n", "result 'nope' is not a 64-bit hex value")]
    [InlineData("-- asm\nexit\n-- asm\nexit\n-- result\n0\n", "section '-- asm' appears twice")]
    public void Malformed_files_are_rejected_with_the_reason(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => ConformanceTestFile.Parse("t", text)).Message);
}
