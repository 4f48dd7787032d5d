using System.Net;
using Sharp.Bpf.Links;
using Sharp.Bpf.Flat.Cli;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Cli;

public sealed class SettingsParserTests
{
    static FlatSettings Valid(string? iface = null, string? ip = null, string? port = null, string? duration = null, string? otlp = null, string? prometheus = null,
        string? attach = null)
    {
        Assert.True(SettingsParser.TryParse(iface, ip, port, json: false, summary: false, duration, otlp, prometheus, attach, out var settings, out var error), error);
        return settings;
    }

    static string Invalid(string? iface = null, string? ip = null, string? port = null, string? duration = null, string? otlp = null, string? prometheus = null,
        string? attach = null)
    {
        Assert.False(SettingsParser.TryParse(iface, ip, port, json: false, summary: false, duration, otlp, prometheus, attach, out _, out var error));
        return error;
    }

    [Fact]
    public void No_options_mean_the_default_interface_and_no_filter() =>
        Assert.Equal(new FlatSettings(null, null, null, false, false, null), Valid());

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Ip_accepts_ipv4_and_ipv6_addresses(string ip) => Assert.Equal(IPAddress.Parse(ip), Valid(ip: ip).Address);

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("10.1")]
    [InlineData("300.0.0.1")]
    [InlineData("example.com")]
    [InlineData("")]
    public void Ip_rejects_what_is_not_an_address(string ip) => Assert.StartsWith("--ip:", Invalid(ip: ip));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("443", 443)]
    [InlineData("65535", 65535)]
    public void Port_accepts_1_to_65535(string port, int expected) => Assert.Equal((ushort)expected, Valid(port: port).Port);

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("https")]
    [InlineData(" 80")]
    public void Port_rejects_what_is_not_a_port(string port) => Assert.StartsWith("--port:", Invalid(port: port));

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("eth0:1")]
    [InlineData("a name")]
    [InlineData("sixteen-chars-xx")]
    public void Interface_rejects_what_cannot_be_an_interface_name(string iface) => Assert.StartsWith("--interface:", Invalid(iface: iface));

    [Fact]
    public void Duration_is_parsed() => Assert.Equal(TimeSpan.FromSeconds(30), Valid(duration: "30s").Duration);

    [Fact]
    public void Invalid_duration_names_the_option() => Assert.StartsWith("--duration:", Invalid(duration: "soon"));

    [Theory]
    [InlineData("http://collector:4317")]
    [InlineData("https://otel.example.com:4318/v1/metrics")]
    public void Otlp_accepts_http_endpoints(string endpoint) => Assert.Equal(new Uri(endpoint), Valid(otlp: endpoint).Otlp);

    [Theory]
    [InlineData("collector:4317")]
    [InlineData("ftp://collector")]
    [InlineData("/var/run/otel.sock")]
    public void Otlp_rejects_what_is_not_an_http_endpoint(string endpoint) => Assert.StartsWith("--otlp:", Invalid(otlp: endpoint));

    [Fact]
    public void Prometheus_takes_a_port() => Assert.Equal((ushort)9464, Valid(prometheus: "9464").PrometheusPort);

    [Theory]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData(":9464")]
    public void Prometheus_rejects_what_is_not_a_port(string port) => Assert.StartsWith("--prometheus:", Invalid(prometheus: port));

    [Fact]
    public void Flags_are_kept()
    {
        Assert.True(SettingsParser.TryParse(null, null, null, json: true, summary: true, null, null, null, null, out var settings, out _));
        Assert.Equal((true, true), (settings.Json, settings.Summary));
    }

    [Theory]
    [InlineData(null, TcAttachMethod.Auto)]
    [InlineData("auto", TcAttachMethod.Auto)]
    [InlineData("tcx", TcAttachMethod.Tcx)]
    [InlineData("netlink", TcAttachMethod.Netlink)]
    public void Attach_names_the_tc_attach_method(string? attach, TcAttachMethod method) => Assert.Equal(method, Valid(attach: attach).Attach);

    [Theory]
    [InlineData("clsact")]
    [InlineData("TCX")]
    [InlineData("")]
    public void Attach_rejects_other_methods(string attach) => Assert.Equal($"--attach: '{attach}' is not one of auto, tcx, netlink", Invalid(attach: attach));
}
