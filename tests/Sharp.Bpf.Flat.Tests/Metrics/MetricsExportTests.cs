using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Flat.Metrics;
using Sharp.Bpf.Flat.Output;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Metrics;

public sealed class MetricsExportTests
{
    static ushort FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void Without_otlp_or_prometheus_nothing_is_exported() => Assert.Null(MetricsExport.Start(null, null));

    [Fact]
    public async Task Prometheus_endpoint_serves_the_latency_histogram()
    {
        var port = FreePort();
        using var metrics = new FlatMetrics();
        using var provider = MetricsExport.Start(null, port);
        metrics.Record(new Measurement(DateTimeOffset.UnixEpoch, "TCP", IPAddress.Parse("10.0.0.1"), 40000, IPAddress.Parse("10.0.0.2"), 443, 64, 3_000_000, true));
        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("flat_latency_milliseconds_bucket{", text);
        Assert.Contains("flat_remote_address=\"10.0.0.2\"", text);
    }
}
