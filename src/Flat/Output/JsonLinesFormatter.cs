using System.Text;
using System.Text.Json;

namespace Sharp.Bpf.Flat.Output;

/// <summary>One JSON object per line with flat's fields: <c>time</c> (ISO 8601, UTC), <c>protocol</c>, <c>src</c>,
/// <c>src_port</c>, <c>dst</c>, <c>dst_port</c>, <c>ttl</c>, <c>latency_ms</c>.</summary>
internal sealed class JsonLinesFormatter : IMeasurementFormatter
{
    readonly MemoryStream _buffer = new();

    /// <inheritdoc/>
    public void Write(TextWriter output, Measurement measurement)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", measurement.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("protocol", measurement.Protocol);
            json.WriteString("src", measurement.Source.ToString());
            json.WriteNumber("src_port", measurement.SourcePort);
            json.WriteString("dst", measurement.Destination.ToString());
            json.WriteNumber("dst_port", measurement.DestinationPort);
            json.WriteNumber("ttl", measurement.Ttl);
            json.WriteNumber("latency_ms", measurement.LatencyMilliseconds);
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
    }
}
