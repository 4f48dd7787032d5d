using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf verify OBJECT [--json]</c>: loads every program of an eBPF ELF object into the kernel without
/// attaching it and prints, per program, its name, type, section, xlated instructions, JIT size and the instructions the
/// verifier processed. Every program is tried even when one is rejected; the rejected ones are reported with the verifier's
/// message (program, instruction, source line) on stderr, or in the <c>error</c> member with <c>--json</c>. Exits 0 when every
/// program loaded, 1 when one was rejected or the object could not be read or its maps not created (needs root).</summary>
public static class VerifyCommand
{
    /// <summary>Exit code when every program loaded.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when a program was rejected, or the object could not be loaded at all.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("object") { Description = "A relocatable eBPF ELF object (clang -target bpf, or ours)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON array: name, type, section, xlated_insns, jited_bytes, verified_insns, error" };
        var command = new Command("verify", "Load every program of an eBPF object into the kernel without attaching it, and print what the verifier and JIT made of each (needs root)")
        {
            file,
            json,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(file)!, parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(string path, bool json, TextWriter stdout, TextWriter stderr)
    {
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
            JsonOutput.Print(stdout, writer => WriteJson(writer, verdicts));
        else
            PrintTable(verdicts, path, stdout, stderr);
        return verdicts.All(verdict => verdict.Error is null) ? Success : Failure;
    }

    static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<ProgramVerdict> verdicts)
    {
        writer.WriteStartArray();
        foreach (var verdict in verdicts)
        {
            writer.WriteStartObject();
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
