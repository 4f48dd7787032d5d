using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>The kernel's CPU list format, as in /sys/devices/system/cpu/possible.</summary>
public sealed class PossibleCpusTests
{
    [Theory]
    [InlineData("0\n", 1)]
    [InlineData("0-1\n", 2)]
    [InlineData("0-3,8,10-11", 7)]
    public void Counts_every_cpu_in_the_list(string list, int count) => Assert.Equal(count, PossibleCpus.Count(list));

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("0-1-2")]
    public void Malformed_lists_are_format_errors(string list) => Assert.Throws<FormatException>(() => PossibleCpus.Count(list));
}
