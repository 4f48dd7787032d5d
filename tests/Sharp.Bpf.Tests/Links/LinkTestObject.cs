using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Links;

/// <summary>A C program from Data/links compiled by clang-19, its maps created and its programs loaded on demand;
/// disposing releases all of them.</summary>
internal sealed class LinkTestObject : IDisposable
{
    readonly CollectionSpec spec;
    readonly Dictionary<string, Map> maps = [];
    readonly List<Program> programs = [];

    LinkTestObject(CollectionSpec spec)
    {
        this.spec = spec;
        try
        {
            foreach (var (name, mapSpec) in spec.Maps) maps[name] = Sharp.Bpf.Map.Create(mapSpec);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Compiles <c>Data/links/<paramref name="fileName"/></c> and creates its maps.</summary>
    public static LinkTestObject Compile(string fileName) =>
        new(CollectionSpec.ReadFile(ClangObjects.Compile(Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "links", fileName))));

    /// <summary>Loads the program named <paramref name="name"/> (its function name) with the object's maps.</summary>
    public Program Load(string name)
    {
        var program = Program.Load(spec.Programs[name], new ProgramLoadOptions { ResolveMapFd = map => maps[map].Handle.Fd });
        programs.Add(program);
        return program;
    }

    /// <summary>The map named <paramref name="name"/>.</summary>
    public Map Map(string name) => maps[name];

    public void Dispose()
    {
        foreach (var program in programs) program.Dispose();
        foreach (var map in maps.Values) map.Dispose();
    }
}
