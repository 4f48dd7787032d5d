using Xunit;

namespace Sharp.Bpf.Inspect.Tests;

/// <summary>The base16 text of the plugin protocol.</summary>
public sealed class Base16Tests
{
    [Fact]
    public void Whitespace_between_bytes_is_ignored() =>
        Assert.Equal([0x95, 0x00, 0xab], Base16.Decode(" 95 00\nAb\n"));

    [Theory]
    [InlineData("95 0g", "'g' at character 4 is not a hex digit")]
    [InlineData("950", "lone hex digit '0' at character 2")]
    [InlineData("9 5", "lone hex digit '9' at character 0")]
    public void Malformed_text_names_the_character_offset(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Base16.Decode(text)).Message);
}
