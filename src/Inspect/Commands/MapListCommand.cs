using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf map list [--json]</c> (also <c>show</c>): every map in the kernel, in the layout of
/// <c>bpftool map show</c> — id, type, name, flags, key and value sizes, max entries, locked memory, BTF id, frozen.
/// Exits 0, or 1 with the reason on stderr (EPERM without CAP_SYS_ADMIN).</summary>
public static class MapListCommand
{
    /// <summary>Exit code for a printed list.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when the kernel refused to list or describe the maps.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array with bpftool's member names" };
        var command = new Command("list", "List the maps in the kernel, like bpftool map show (needs root)") { json };
        command.Aliases.Add("show");
        command.SetAction(parseResult => Execute(parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(bool json, TextWriter stdout, TextWriter stderr)
    {
        List<(MapInfo Info, FdInfo Fd)> maps;
        try
        {
            maps = LoadedObjects.Describe(Map.GetIds(), Map.FromId, map => (map.GetInfo(), FdInfo.Read(map.Fd)));
        }
        catch (Exception e) when (ExpectedFailure.Is(e))
        {
            stderr.WriteLine($"sharp-bpf map list: {e.Message}");
            return Failure;
        }
        if (json)
            JsonOutput.Print(stdout, writer =>
            {
                writer.WriteStartArray();
                foreach (var (info, fd) in maps) WriteJson(writer, info, fd);
                writer.WriteEndArray();
            });
        else
            foreach (var (info, fd) in maps) Print(stdout, info, fd);
        return Success;
    }

    static void Print(TextWriter output, MapInfo info, FdInfo fd)
    {
        var text = CultureInfo.InvariantCulture;
        output.Write(string.Create(text, $"{info.Id}: {BpfTypeNames.Of(info.Type)}"));
        if (info.Name.Length > 0) output.Write($"  name {info.Name}");
        output.WriteLine(string.Create(text, $"  flags 0x{(uint)info.Flags:x}"));
        output.Write(string.Create(text, $"\tkey {info.KeySize}B  value {info.ValueSize}B  max_entries {info.MaxEntries}"));
        if (fd.MemlockBytes is { } memlock) output.Write(string.Create(text, $"  memlock {memlock}B"));
        output.WriteLine();
        var last = new List<string>();
        if (info.BtfId != 0) last.Add(string.Create(text, $"btf_id {info.BtfId}"));
        if (fd.Frozen) last.Add("frozen");
        if (last.Count > 0) output.WriteLine($"\t{string.Join("  ", last)}");
    }

    static void WriteJson(Utf8JsonWriter writer, MapInfo info, FdInfo fd)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", info.Id);
        writer.WriteString("type", BpfTypeNames.Of(info.Type));
        if (info.Name.Length > 0) writer.WriteString("name", info.Name);
        writer.WriteNumber("flags", (uint)info.Flags);
        writer.WriteNumber("bytes_key", info.KeySize);
        writer.WriteNumber("bytes_value", info.ValueSize);
        writer.WriteNumber("max_entries", info.MaxEntries);
        if (fd.MemlockBytes is { } memlock) writer.WriteNumber("bytes_memlock", memlock);
        writer.WriteNumber("frozen", fd.Frozen ? 1 : 0);
        if (info.BtfId != 0) writer.WriteNumber("btf_id", info.BtfId);
        writer.WriteEndObject();
    }
}
