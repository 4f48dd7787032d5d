using System.Net;
using System.Text.Json;
using Sharp.Bpf.Flat.Output;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Output;

public sealed class FormatterTests
{
    static readonly Measurement Tcp4 = new(new DateTimeOffset(2026, 11, 25, 15, 4, 5, 123, TimeSpan.Zero), "TCP",
        IPAddress.Parse("10.0.0.1"), 40000, IPAddress.Parse("10.0.0.2"), 443, 57, 3_021_456, true);

    static readonly Measurement Udp6 = Tcp4 with { Protocol = "UDP", Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::35"), DestinationPort = 53 };

    static string Write(IMeasurementFormatter formatter, params Measurement[] measurements)
    {
        var output = new StringWriter { NewLine = "\n" };
        foreach (var measurement in measurements) formatter.Write(output, measurement);
        return output.ToString();
    }

    [Fact]
    public void Human_line_shows_time_protocol_flow_ttl_and_latency() =>
        Assert.Equal("15:04:05.123 TCP 10.0.0.1:40000 -> 10.0.0.2:443 ttl=57 latency=3.021 ms\n", Write(new HumanFormatter(TimeZoneInfo.Utc), Tcp4));

    [Fact]
    public void Human_line_brackets_ipv6_addresses() =>
        Assert.Equal("15:04:05.123 UDP [2001:db8::1]:40000 -> [2001:db8::35]:53 ttl=57 latency=3.021 ms\n", Write(new HumanFormatter(TimeZoneInfo.Utc), Udp6));

    [Fact]
    public void Human_line_uses_the_given_time_zone() =>
        Assert.StartsWith("16:34:05.123 ", Write(new HumanFormatter(TimeZoneInfo.CreateCustomTimeZone("plus-1:30", TimeSpan.FromMinutes(90), "", "")), Tcp4));

    [Fact]
    public void Json_line_has_flats_fields()
    {
        Assert.Equal("""{"time":"2026-11-25T15:04:05.123000Z","protocol":"TCP","src":"10.0.0.1","src_port":40000,"dst":"10.0.0.2","dst_port":443,"ttl":57,"latency_ms":3.021456}""" + "\n",
            Write(new JsonLinesFormatter(), Tcp4));
    }

    [Fact]
    public void Json_lines_are_one_object_per_line()
    {
        var lines = Write(new JsonLinesFormatter(), Tcp4, Udp6).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["10.0.0.1", "2001:db8::1"], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("src").GetString()));
    }
}
