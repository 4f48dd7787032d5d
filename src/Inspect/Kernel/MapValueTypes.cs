using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>A map's key and value types from the BTF object the kernel keeps for it, used to show entries as bpftool's
/// <c>"formatted"</c> JSON: <c>{"key": …, "value": …}</c>, or for per-CPU maps <c>{"key": …, "values": [{"cpu": 0,
/// "value": …}, …]}</c>. The key is left out when the map has no key type (libbpf gives global data maps none).</summary>
internal sealed class MapValueTypes(BtfSpec btf, uint keyTypeId, uint valueTypeId)
{
    /// <summary>The types of the map <paramref name="info"/> describes, or null when it has no BTF value type.</summary>
    /// <exception cref="BpfException">The kernel refused to hand out the BTF.</exception>
    /// <exception cref="BtfFormatException">The kernel's BTF blob did not parse.</exception>
    public static MapValueTypes? Of(MapInfo info)
    {
        if (info.BtfId == 0 || info.BtfValueTypeId == 0) return null;
        using var handle = BtfHandle.FromId(info.BtfId);
        return new MapValueTypes(BtfSpec.Parse(handle.GetRawBytes()), info.BtfKeyTypeId, info.BtfValueTypeId);
    }

    /// <summary>One entry as formatted JSON text; <paramref name="valueStride"/> separates the CPUs' values of a per-CPU map.</summary>
    /// <exception cref="ArgumentException">A type has no value representation or is larger than the map's bytes.</exception>
    public string Format(byte[] key, byte[] value, int? valueStride, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (keyTypeId != 0)
            {
                writer.WritePropertyName("key");
                BtfValueFormatter.Write(writer, btf, keyTypeId, key);
            }
            if (valueStride is { } stride)
            {
                writer.WriteStartArray("values");
                for (int cpu = 0; cpu * stride < value.Length; cpu++)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("cpu", cpu);
                    writer.WritePropertyName("value");
                    BtfValueFormatter.Write(writer, btf, valueTypeId, value.AsSpan(cpu * stride, stride));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WritePropertyName("value");
                BtfValueFormatter.Write(writer, btf, valueTypeId, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
