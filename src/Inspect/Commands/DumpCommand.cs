using System.CommandLine;
using Sharp.Bpf.Inspect.Assemblies;
using Sharp.Bpf.Inspect.Kernel;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf dump ASSEMBLY [--program NAME]</c>: every eBPF object a .NET assembly embeds (the compiler's
/// <c>ObjectBytes</c> of each <c>[BpfObject]</c> class), and for each program its instructions interleaved with the C# file, line
/// number and line text its BTF line_info records. Reads the assembly without loading it; needs no privileges. Exits 0, or 1 with
/// the reason on stderr when the file is missing or not an assembly, embeds no object, an object cannot be read, or no program has
/// the name asked for (the message lists the names there are).</summary>
public static class DumpCommand
{
    /// <summary>Exit code for a printed dump.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when the assembly, an object or the program asked for could not be found or read.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var assembly = new Argument<string>("assembly") { Description = "A .NET assembly (.dll) built with the Sharp.Bpf compiler" };
        var program = new Option<string?>("--program") { HelpName = "name", Description = "Only the program with this name (its C# method name)" };
        var command = new Command("dump", "Disassemble every eBPF object embedded in a .NET assembly, interleaved with the C# source lines of each program")
        {
            assembly,
            program,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(assembly)!, parseResult.GetValue(program), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(string path, string? programName, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<EmbeddedCollection> collections;
        try
        {
            collections = EmbeddedCollection.ReadAll(EmbeddedObjectReader.Read(path));
        }
        catch (AssemblyReadException e)
        {
            stderr.WriteLine($"sharp-bpf dump: {path}: {e.Message}");
            return Failure;
        }

        if (programName is not null && !collections.Any(c => c.Spec?.Programs.ContainsKey(programName) == true))
        {
            stderr.WriteLine($"sharp-bpf dump: {path}: no program named '{programName}'; {ProgramNames(collections)}");
            return Failure;
        }

        int exit = Success;
        bool first = true;
        foreach (var collection in collections)
        {
            if (collection.Spec is not { } spec)
            {
                if (programName is not null) continue;
                stderr.WriteLine($"sharp-bpf dump: {path}: {collection.Object.TypeName}: {collection.Error}");
                exit = Failure;
                continue;
            }
            var programs = spec.Programs.Values.Where(p => programName is null || p.Name == programName).ToList();
            if (programs.Count == 0) continue;
            stdout.Write(first ? "" : "\n");
            first = false;
            stdout.Write($"{collection.Object.TypeName}: {Count(spec.Programs.Count, "program")}, {Count(spec.Maps.Count, "map")}, license \"{spec.License}\"\n");
            foreach (var program in programs)
            {
                stdout.Write($"\nprogram {program.Name}: {BpfTypeNames.Of(program.Type)}, section {program.SectionName}\n");
                SourceListing.Write(program, spec.Btf, stdout);
            }
        }
        return exit;
    }

    /// <summary>"the programs are: Pass, Keep (in Minimal); Count (in Counter)", for a name that was not found.</summary>
    static string ProgramNames(IReadOnlyList<EmbeddedCollection> collections)
    {
        var names = collections.Where(c => c.Spec is { Programs.Count: > 0 })
            .Select(c => $"{string.Join(", ", c.Spec!.Programs.Keys)} (in {c.Object.TypeName})").ToList();
        return names.Count == 0 ? "the assembly's objects have no programs" : $"the programs are: {string.Join("; ", names)}";
    }

    static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
