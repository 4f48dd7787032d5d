using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf map dump ID|PINNED-PATH [--json]</c>: every entry of a map, as <c>bpftool map dump</c> prints
/// them. Without BTF: keys and values as hex bytes (<c>key: 01 00 00 00  value: 2a 00 …</c>), per-CPU maps one value per
/// possible CPU, then the count. When the map has BTF key/value types: the entries formatted by those types, as an
/// indented JSON array. <c>--json</c>: one array of <c>{"key": ["0x01", …], "value": [...]}</c> (per-CPU:
/// <c>"values": [{"cpu": 0, "value": [...]}]</c>), with a <c>"formatted"</c> member when the map has BTF. Exits 0, or 1 with
/// the reason on stderr (no such map, not a map, a map without keys, EPERM).</summary>
public static class MapDumpCommand
{
    /// <summary>Exit code for a printed dump.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when the map could not be opened or read.</summary>
    internal const int Failure = 1;

    /// <summary>Byte sizes above which bpftool breaks a key or value onto its own line.</summary>
    const int LongField = 16, LongEntry = 24;

    sealed record Entry(byte[] Key, byte[] Value, string? Formatted);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("map") { Description = "The map's id (as map list shows it), or the path it is pinned at in bpffs" };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of entries with bpftool's member names" };
        var command = new Command("dump", "Print every entry of a map, like bpftool map dump (needs root)") { target, json };
        command.SetAction(parseResult => Execute(parseResult.GetValue(target)!, parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(string target, bool json, TextWriter stdout, TextWriter stderr)
    {
        Map map;
        try
        {
            map = Open(target);
        }
        catch (Exception e) when (ExpectedFailure.Is(e))
        {
            stderr.WriteLine($"sharp-bpf map dump: {e.Message}");
            return Failure;
        }
        using (map)
        {
            MapInfo info;
            List<Entry> entries;
            try
            {
                info = map.GetInfo();
                if (map.KeySize == 0)
                    throw new ArgumentException($"map {info.Id} is a {BpfTypeNames.Of(info.Type)} map, which has no keys to dump");
                entries = ReadEntries(map, TypesOf(info, stderr), json);
            }
            catch (Exception e) when (ExpectedFailure.Is(e))
            {
                stderr.WriteLine($"sharp-bpf map dump: {e.Message}");
                return Failure;
            }
            int? stride = map.IsPerCpu ? (int)Map.PerCpuValueStride(map.ValueSize) : null;
            if (json) JsonOutput.Print(stdout, writer => WriteJson(writer, entries, map.ValueSize, stride));
            else if (entries.Count > 0 && entries.All(entry => entry.Formatted is not null)) PrintFormatted(stdout, entries);
            else PrintHex(stdout, entries, map.KeySize, map.ValueSize, stride);
        }
        return Success;
    }

    /// <summary>A number is an id, anything else a pinned path; ENOENT becomes a sentence naming what was missing.</summary>
    static Map Open(string target)
    {
        bool isId = uint.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out uint id);
        try
        {
            return isId ? Map.FromId(id) : Map.OpenPinned(target);
        }
        catch (BpfException e) when (e.ErrorName == "ENOENT")
        {
            throw new ArgumentException(isId ? $"no map has id {id}" : $"nothing is pinned at {target}", e);
        }
    }

    /// <summary>The map's BTF types, or null when it has none or they cannot be read (then the dump is hex, with a note why).</summary>
    static MapValueTypes? TypesOf(MapInfo info, TextWriter stderr)
    {
        try
        {
            return MapValueTypes.Of(info);
        }
        catch (Exception e) when (e is BpfException or BtfFormatException)
        {
            stderr.WriteLine($"sharp-bpf map dump: map {info.Id}: its BTF (id {info.BtfId}) could not be read, so entries are shown as bytes: {e.Message}");
            return null;
        }
    }

    static List<Entry> ReadEntries(Map map, MapValueTypes? types, bool json)
    {
        int? stride = map.IsPerCpu ? (int)Map.PerCpuValueStride(map.ValueSize) : null;
        var entries = new List<Entry>();
        foreach (var key in map.Keys())
        {
            var value = new byte[map.ValueBufferSize];
            // An element deleted since the key walk saw it is simply not shown.
            if (!map.TryLookup(key, value)) continue;
            entries.Add(new Entry(key, value, Format(types, key, value, stride, indented: !json)));
        }
        return entries;
    }

    static string? Format(MapValueTypes? types, byte[] key, byte[] value, int? stride, bool indented)
    {
        if (types is null) return null;
        try
        {
            return types.Format(key, value, stride, indented);
        }
        catch (ArgumentException)
        {
            // The BTF describes something other than plain data (or less than the map holds): the bytes say it all.
            return null;
        }
    }

    static void WriteJson(Utf8JsonWriter writer, List<Entry> entries, uint valueSize, int? stride)
    {
        writer.WriteStartArray();
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            WriteHexArray(writer, "key", entry.Key);
            if (stride is { } step)
            {
                writer.WriteStartArray("values");
                for (int cpu = 0; cpu * step < entry.Value.Length; cpu++)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("cpu", cpu);
                    WriteHexArray(writer, "value", entry.Value.AsSpan(cpu * step, (int)valueSize));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            else
                WriteHexArray(writer, "value", entry.Value);
            if (entry.Formatted is { } formatted)
            {
                writer.WritePropertyName("formatted");
                writer.WriteRawValue(formatted);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    static void WriteHexArray(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes)
    {
        writer.WriteStartArray(name);
        foreach (byte b in bytes) writer.WriteStringValue($"0x{b:x2}");
        writer.WriteEndArray();
    }

    static void PrintFormatted(TextWriter output, List<Entry> entries)
    {
        output.WriteLine("[");
        for (int i = 0; i < entries.Count; i++)
            output.WriteLine(entries[i].Formatted + (i < entries.Count - 1 ? "," : ""));
        output.WriteLine("]");
    }

    /// <summary>bpftool's plain layout: short entries on one line, long keys or values on lines of their own, per-CPU values one line per CPU.</summary>
    static void PrintHex(TextWriter output, List<Entry> entries, uint keySize, uint valueSize, int? stride)
    {
        foreach (var entry in entries)
        {
            if (stride is { } step)
            {
                output.WriteLine("key:");
                output.WriteLine(Hex(entry.Key));
                for (int cpu = 0; cpu * step < entry.Value.Length; cpu++)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"value (CPU {cpu:00}):{(valueSize > LongField ? '\n' : ' ')}{Hex(entry.Value.AsSpan(cpu * step, (int)valueSize))}"));
                continue;
            }
            bool breakNames = keySize > LongField || valueSize > LongField;
            bool singleLine = keySize + valueSize <= LongEntry && !breakNames;
            char separator = breakNames ? '\n' : ' ';
            output.Write($"key:{separator}{Hex(entry.Key)}{(singleLine ? "  " : "\n")}");
            output.WriteLine($"value:{separator}{Hex(entry.Value)}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Found {entries.Count} element{(entries.Count == 1 ? "" : "s")}"));
    }

    static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
