using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>Writes one JSON document to a text writer: the commands' <c>--json</c> output, one document per run so that
/// scripts can parse stdout whole.</summary>
internal static class JsonOutput
{
    /// <summary>Builds the document with <paramref name="write"/> and prints it followed by a newline.</summary>
    public static void Print(TextWriter output, Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps quotes and apostrophes in verifier messages readable; the output is never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) write(writer);
        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
