using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Sharp.Bpf.Flat.Metrics;

/// <summary>Starts the OpenTelemetry exporters <c>--otlp</c> and <c>--prometheus</c> ask for, reading
/// <see cref="FlatMetrics.MeterName"/>.</summary>
internal static class MetricsExport
{
    /// <summary>A meter provider exporting by OTLP to <paramref name="otlpEndpoint"/> and/or serving Prometheus' text format
    /// at <c>http://*:<paramref name="prometheusPort"/>/metrics</c>; null when neither is asked for. Dispose it to flush and
    /// stop.</summary>
    /// <exception cref="InvalidOperationException">The Prometheus port cannot be listened on (in use, or not allowed).</exception>
    public static MeterProvider? Start(Uri? otlpEndpoint, ushort? prometheusPort)
    {
        if (otlpEndpoint is null && prometheusPort is null) return null;
        var builder = Sdk.CreateMeterProviderBuilder()
            .AddMeter(FlatMetrics.MeterName)
            .AddView("flat.latency", new ExplicitBucketHistogramConfiguration { Boundaries = FlatMetrics.LatencyBucketsMs });
        if (otlpEndpoint is not null) builder.AddOtlpExporter(options => options.Endpoint = otlpEndpoint);
        if (prometheusPort is { } port) builder.AddPrometheusHttpListener(options =>
            {
                options.Port = port;
                // Every address, so a fleet's Prometheus can scrape it (the exporter's Host option takes one name only).
                options.ConfigureHttpListener = (_, listener) =>
                {
                    listener.Prefixes.Clear();
                    listener.Prefixes.Add($"http://+:{port}/");
                };
            });
        return builder.Build();
    }
}
