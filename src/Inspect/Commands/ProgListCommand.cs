using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf prog list [--json]</c> (also <c>show</c>): every program loaded in the kernel, in the layout of
/// <c>bpftool prog show</c> — id, type, name, tag, GPL compatibility, load time, owner uid, xlated and JIT sizes, locked
/// memory, map ids, BTF id — plus the instructions the verifier processed. Exits 0, or 1 with the reason on stderr (EPERM
/// without CAP_SYS_ADMIN).</summary>
public static class ProgListCommand
{
    /// <summary>Exit code for a printed list.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when the kernel refused to list or describe the programs.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array with bpftool's member names" };
        var command = new Command("list", "List the programs loaded in the kernel, like bpftool prog show (needs root)") { json };
        command.Aliases.Add("show");
        command.SetAction(parseResult => Execute(parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(bool json, TextWriter stdout, TextWriter stderr)
    {
        List<(ProgramInfo Info, FdInfo Fd)> programs;
        try
        {
            programs = LoadedObjects.Describe(Program.GetIds(), Program.FromId, program => (program.GetInfo(), FdInfo.Read(program.Fd)));
        }
        catch (Exception e) when (ExpectedFailure.Is(e))
        {
            stderr.WriteLine($"sharp-bpf prog list: {e.Message}");
            return Failure;
        }
        if (json)
            JsonOutput.Print(stdout, writer =>
            {
                writer.WriteStartArray();
                foreach (var (info, fd) in programs) WriteJson(writer, info, fd);
                writer.WriteEndArray();
            });
        else
            foreach (var (info, fd) in programs) Print(stdout, info, fd);
        return Success;
    }

    static void Print(TextWriter output, ProgramInfo info, FdInfo fd)
    {
        var text = CultureInfo.InvariantCulture;
        output.Write(string.Create(text, $"{info.Id}: {BpfTypeNames.Of(info.Type)}"));
        if (info.Name.Length > 0) output.Write($"  name {info.Name}");
        output.Write($"  tag {info.Tag}");
        if (info.GplCompatible) output.Write("  gpl");
        if (info.RunCount > 0) output.Write(string.Create(text, $" run_time_ns {info.RunTimeNanoseconds} run_cnt {info.RunCount}"));
        if (info.RecursionMisses > 0) output.Write(string.Create(text, $" recursion_misses {info.RecursionMisses}"));
        output.WriteLine();
        output.WriteLine(string.Create(text, $"\tloaded_at {LoadedAt(info.LoadTime)}  uid {info.CreatedByUid}"));
        output.Write(string.Create(text, $"\txlated {info.XlatedBytes}B  "));
        output.Write(info.JitedBytes > 0 ? string.Create(text, $"jited {info.JitedBytes}B") : "not jited");
        if (fd.MemlockBytes is { } memlock) output.Write(string.Create(text, $"  memlock {memlock}B"));
        if (info.MapIds.Count > 0) output.Write($"  map_ids {string.Join(',', info.MapIds)}");
        output.WriteLine();
        var last = new List<string>();
        if (info.BtfId != 0) last.Add(string.Create(text, $"btf_id {info.BtfId}"));
        if (info.VerifiedInstructions != 0) last.Add(string.Create(text, $"verified_insns {info.VerifiedInstructions}"));
        if (last.Count > 0) output.WriteLine($"\t{string.Join("  ", last)}");
    }

    /// <summary>bpftool's <c>%FT%T%z</c> in local time, e.g. <c>2026-11-25T13:26:45+0000</c>.</summary>
    static string LoadedAt(DateTimeOffset loadTime)
    {
        var local = loadTime.ToLocalTime();
        var offset = local.Offset;
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }

    static void WriteJson(Utf8JsonWriter writer, ProgramInfo info, FdInfo fd)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", info.Id);
        writer.WriteString("type", BpfTypeNames.Of(info.Type));
        if (info.Name.Length > 0) writer.WriteString("name", info.Name);
        writer.WriteString("tag", info.Tag);
        writer.WriteBoolean("gpl_compatible", info.GplCompatible);
        if (info.RunCount > 0)
        {
            writer.WriteNumber("run_time_ns", info.RunTimeNanoseconds);
            writer.WriteNumber("run_cnt", info.RunCount);
        }
        if (info.RecursionMisses > 0) writer.WriteNumber("recursion_misses", info.RecursionMisses);
        writer.WriteNumber("loaded_at", info.LoadTime.ToUnixTimeSeconds());
        writer.WriteNumber("uid", info.CreatedByUid);
        writer.WriteNumber("bytes_xlated", info.XlatedBytes);
        writer.WriteBoolean("jited", info.JitedBytes > 0);
        if (info.JitedBytes > 0) writer.WriteNumber("bytes_jited", info.JitedBytes);
        if (fd.MemlockBytes is { } memlock) writer.WriteNumber("bytes_memlock", memlock);
        if (info.MapIds.Count > 0)
        {
            writer.WriteStartArray("map_ids");
            foreach (var mapId in info.MapIds) writer.WriteNumberValue(mapId);
            writer.WriteEndArray();
        }
        if (info.BtfId != 0) writer.WriteNumber("btf_id", info.BtfId);
        writer.WriteNumber("verified_insns", info.VerifiedInstructions);
        writer.WriteEndObject();
    }
}
