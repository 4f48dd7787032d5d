using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Inspect.Assemblies;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf verify FILE [--object CLASS] [--json]</c>: loads every program of an eBPF ELF object, or of each object a
/// .NET assembly embeds (the compiler's <c>ObjectBytes</c>; <c>--object</c> picks one class), into the kernel without attaching it and
/// prints, per program, its name, type, section, xlated instructions, JIT size and the instructions the verifier processed. Every
/// program is tried even when one is rejected; the rejected ones are reported with the verifier's message (program, instruction,
/// source line) on stderr, or in the <c>error</c> member with <c>--json</c>. Exits 0 when every program loaded, 1 when one was
/// rejected or an object could not be read or its maps not created (needs root).</summary>
public static class VerifyCommand
{
    /// <summary>Exit code when every program loaded.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when a program was rejected, or the object could not be loaded at all.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A relocatable eBPF ELF object (clang -target bpf, or ours), or a .NET assembly built with the Sharp.Bpf compiler" };
        var objectName = new Option<string?>("--object") { HelpName = "class", Description = "For an assembly: only the object of this class (its name or namespace-qualified name)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON array: name, type, section, xlated_insns, jited_bytes, verified_insns, error (and object, for an assembly)" };
        var command = new Command("verify", "Load every program of an eBPF object, or of the objects a .NET assembly embeds, into the kernel without attaching it, and print what the verifier and JIT made of each (needs root)")
        {
            file,
            objectName,
            json,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(file)!, parseResult.GetValue(json), Console.Out, Console.Error, parseResult.GetValue(objectName)));
        return command;
    }

    internal static int Execute(string path, bool json, TextWriter stdout, TextWriter stderr, string? objectName = null)
    {
        if (EmbeddedObjectReader.LooksLikeAssembly(path)) return VerifyAssembly(path, objectName, json, stdout, stderr);
        if (objectName is not null)
        {
            stderr.WriteLine($"sharp-bpf verify: {path}: --object picks a class of a .NET assembly; this file is not one");
            return Failure;
        }
        IReadOnlyList<ProgramVerdict> verdicts;
        try
        {
            verdicts = ObjectVerification.Run(CollectionSpec.ReadFile(path));
        }
        catch (Exception e) when (ExpectedFailure.Is(e))
        {
            stderr.WriteLine($"sharp-bpf verify: {path}: {e.Message}");
            return Failure;
        }

        if (json)
            JsonOutput.Print(stdout, writer => WriteJson(writer, verdicts.Select(verdict => (default(string), verdict))));
        else
            PrintTable(verdicts, path, stdout, stderr);
        return verdicts.All(verdict => verdict.Error is null) ? Success : Failure;
    }

    /// <summary>Verifies each embedded object (or the one named) in turn; one that cannot be read or loaded is reported and the
    /// others still run. The table gets a <c>Namespace.Class:</c> heading per object, the JSON an <c>object</c> member per program.</summary>
    static int VerifyAssembly(string path, string? objectName, bool json, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<EmbeddedObject> objects;
        try
        {
            objects = EmbeddedObjectReader.Read(path);
        }
        catch (AssemblyReadException e)
        {
            stderr.WriteLine($"sharp-bpf verify: {path}: {e.Message}");
            return Failure;
        }
        var chosen = objectName is null ? objects : objects.Where(o => o.TypeName == objectName || o.ClassName == objectName).ToList();
        if (chosen.Count == 0)
        {
            stderr.WriteLine($"sharp-bpf verify: {path}: no embedded object of a class named '{objectName}'; the classes are: {string.Join(", ", objects.Select(o => o.TypeName))}");
            return Failure;
        }

        int exit = Success, printed = 0;
        var all = new List<(string? Object, ProgramVerdict Verdict)>();
        foreach (var collection in EmbeddedCollection.ReadAll(chosen))
        {
            var where = $"{path}: {collection.Object.TypeName}";
            if (collection.Spec is not { } spec)
            {
                stderr.WriteLine($"sharp-bpf verify: {where}: {collection.Error}");
                exit = Failure;
                continue;
            }
            IReadOnlyList<ProgramVerdict> verdicts;
            try
            {
                verdicts = ObjectVerification.Run(spec);
            }
            catch (Exception e) when (ExpectedFailure.Is(e))
            {
                stderr.WriteLine($"sharp-bpf verify: {where}: {e.Message}");
                exit = Failure;
                continue;
            }
            if (verdicts.Any(verdict => verdict.Error is not null)) exit = Failure;
            if (!json)
            {
                stdout.Write(printed++ == 0 ? "" : "\n");
                stdout.WriteLine($"{collection.Object.TypeName}:");
                PrintTable(verdicts, where, stdout, stderr);
            }
            all.AddRange(verdicts.Select(verdict => ((string?)collection.Object.TypeName, verdict)));
        }
        if (json) JsonOutput.Print(stdout, writer => WriteJson(writer, all));
        return exit;
    }

    static void WriteJson(Utf8JsonWriter writer, IEnumerable<(string? Object, ProgramVerdict Verdict)> verdicts)
    {
        writer.WriteStartArray();
        foreach (var (objectName, verdict) in verdicts)
        {
            writer.WriteStartObject();
            if (objectName is not null) writer.WriteString("object", objectName);
            writer.WriteString("name", verdict.Name);
            writer.WriteString("type", BpfTypeNames.Of(verdict.Type));
            writer.WriteString("section", verdict.Section);
            if (verdict.Info is { } info)
            {
                writer.WriteNumber("xlated_insns", info.XlatedInstructions);
                writer.WriteNumber("jited_bytes", info.JitedBytes);
                writer.WriteNumber("verified_insns", info.VerifiedInstructions);
            }
            if (verdict.Error is { } error) writer.WriteString("error", error);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    static void PrintTable(IReadOnlyList<ProgramVerdict> verdicts, string path, TextWriter stdout, TextWriter stderr)
    {
        string[] heading = ["NAME", "TYPE", "SECTION", "XLATED", "JITED", "VERIFIED"];
        var rows = verdicts.Select(verdict => verdict.Info is { } info
            ? new[] { verdict.Name, BpfTypeNames.Of(verdict.Type), verdict.Section, Number(info.XlatedInstructions), Number(info.JitedBytes) + "B", Number(info.VerifiedInstructions) }
            : [verdict.Name, BpfTypeNames.Of(verdict.Type), verdict.Section, "rejected", "-", "-"]).ToList();
        var widths = heading.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(heading))
            stdout.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        foreach (var verdict in verdicts.Where(verdict => verdict.Error is not null))
            stderr.WriteLine($"sharp-bpf verify: {path}: {verdict.Error}");
    }

    static string Number(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
