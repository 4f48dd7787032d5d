using System.CommandLine;
using Sharp.Bpf.Inspect.Assemblies;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary><c>sharp-bpf extract ASSEMBLY DIR</c>: writes each eBPF object a .NET assembly embeds to <c>DIR/ClassName.o</c>
/// (<c>DIR/Namespace.ClassName.o</c> when two classes share a name), byte for byte, creating DIR, and prints one line per file.
/// Reads the assembly without loading it. Exits 0, or 1 with the reason on stderr when the file is missing or not an assembly,
/// embeds no object, a class embeds an empty object (the compiler reported errors), or a file cannot be written.</summary>
public static class ExtractCommand
{
    /// <summary>Exit code when every object was written.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when the assembly could not be read or an object not written.</summary>
    internal const int Failure = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var assembly = new Argument<string>("assembly") { Description = "A .NET assembly (.dll) built with the Sharp.Bpf compiler" };
        var directory = new Argument<string>("directory") { Description = "Where to write the objects (created if missing)" };
        var command = new Command("extract", "Write each eBPF object embedded in a .NET assembly to DIRECTORY/ClassName.o, for clang-era tools (llvm-objdump, bpftool, libbpf)")
        {
            assembly,
            directory,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(assembly)!, parseResult.GetValue(directory)!, Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(string path, string directory, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<EmbeddedObject> objects;
        try
        {
            objects = EmbeddedObjectReader.Read(path);
        }
        catch (AssemblyReadException e)
        {
            stderr.WriteLine($"sharp-bpf extract: {path}: {e.Message}");
            return Failure;
        }
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"sharp-bpf extract: {directory}: cannot create the directory: {e.Message}");
            return Failure;
        }

        int exit = Success;
        foreach (var embedded in objects)
        {
            if (embedded.Bytes.Length == 0)
            {
                stderr.WriteLine($"sharp-bpf extract: {path}: {embedded.TypeName}: embeds no object: the compiler reported errors for this class (ObjectBytes is empty)");
                exit = Failure;
                continue;
            }
            var file = Path.Combine(directory, FileNameOf(embedded, objects));
            try
            {
                File.WriteAllBytes(file, embedded.Bytes);
                stdout.WriteLine($"{file}: {embedded.Bytes.Length} bytes, from {embedded.TypeName}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"sharp-bpf extract: {file}: {e.Message}");
                exit = Failure;
            }
        }
        return exit;
    }

    /// <summary><c>ClassName.o</c>, or the namespace-qualified name when another class of the assembly has the same name (compared
    /// ignoring case, so that the files stay apart on case-insensitive file systems too).</summary>
    internal static string FileNameOf(EmbeddedObject embedded, IReadOnlyList<EmbeddedObject> all) =>
        (all.Count(o => string.Equals(o.ClassName, embedded.ClassName, StringComparison.OrdinalIgnoreCase)) > 1 ? embedded.TypeName : embedded.ClassName) + ".o";
}
