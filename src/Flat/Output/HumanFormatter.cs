using System.Globalization;

namespace Sharp.Bpf.Flat.Output;

/// <summary>flat's human-readable line: local time, protocol, request source → destination, reply TTL and latency, e.g.
/// <c>15:04:05.123 TCP 10.0.0.1:40000 -> 10.0.0.2:443 ttl=57 latency=3.021 ms</c>.</summary>
internal sealed class HumanFormatter(TimeZoneInfo timeZone) : IMeasurementFormatter
{
    /// <inheritdoc/>
    public void Write(TextWriter output, Measurement measurement)
    {
        var time = TimeZoneInfo.ConvertTime(measurement.Time, timeZone);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{time:HH:mm:ss.fff} {measurement.Protocol} {Endpoints.Format(measurement.Source, measurement.SourcePort)} -> {Endpoints.Format(measurement.Destination, measurement.DestinationPort)} ttl={measurement.Ttl} latency={measurement.LatencyMilliseconds:F3} ms"));
    }
}
