using System.Net;
using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Flat.Summary;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Summary;

public sealed class SummaryFormatterTests
{
    [Fact]
    public void Rows_are_aligned_in_milliseconds()
    {
        var output = new StringWriter { NewLine = "\n" };
        SummaryFormatter.Write(output, [
            (new RemoteEndpoint("TCP", IPAddress.Parse("10.0.0.2"), 443), new LatencyStatistics(12, 1_000_000, 2_500_000, 3_000_000, 4_000_000, 4_125_000)),
            (new RemoteEndpoint("UDP", IPAddress.Parse("2001:db8::35"), 53), new LatencyStatistics(1, 20_000_000, 20_000_000, 20_000_000, 20_000_000, 20_000_000)),
        ]);
        Assert.Equal(
            "remote                   count       min       p50       p90       p99       max  (ms)\n" +
            "TCP 10.0.0.2:443            12     1.000     2.500     3.000     4.000     4.125\n" +
            "UDP [2001:db8::35]:53        1    20.000    20.000    20.000    20.000    20.000\n",
            output.ToString());
    }

    [Fact]
    public void Empty_summary_says_there_is_nothing_yet()
    {
        var output = new StringWriter { NewLine = "\n" };
        SummaryFormatter.Write(output, []);
        Assert.Equal("summary: no measurements yet\n", output.ToString());
    }
}
