using Sharp.Bpf.Flat.Cli;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Cli;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("10", 10_000)]
    [InlineData("2.5", 2_500)]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    public void Parses_seconds_or_a_number_with_a_unit(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-5")]
    [InlineData("5d")]
    [InlineData("s")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("1000h")]
    public void Rejects_what_is_not_a_positive_duration_up_to_24_days(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
