using Sharp.Bpf.Elf;

namespace Sharp.Bpf;

/// <summary>The kernel objects of one object file: its BTF, maps and programs, created and loaded together. Disposing closes
/// every descriptor; maps pinned by name stay pinned.</summary>
public sealed class Collection : IDisposable
{
    readonly Dictionary<string, Map> maps;
    readonly Dictionary<string, Program> programs;

    Collection(BtfHandle? btf, string? btfWarning, Dictionary<string, Map> maps, Dictionary<string, Program> programs)
    {
        Btf = btf;
        BtfWarning = btfWarning;
        this.maps = maps;
        this.programs = programs;
    }

    /// <summary>The maps by their names in the object (globals as <c>.data</c>, <c>.rodata</c>, <c>.bss</c>, ...).</summary>
    public IReadOnlyDictionary<string, Map> Maps => maps;

    /// <summary>The programs by their function names.</summary>
    public IReadOnlyDictionary<string, Program> Programs => programs;

    /// <summary>The object's BTF as loaded into the kernel, or null when the object has none or the kernel refused it
    /// (then <see cref="BtfWarning"/> says why).</summary>
    public BtfHandle? Btf { get; }

    /// <summary>Why the collection was loaded without the object's BTF although it has some (the kernel refused it), or null.
    /// Without BTF, maps carry no key/value types and verifier messages come without source lines from the kernel.</summary>
    public string? BtfWarning { get; }

    /// <summary>Loads the object file at <paramref name="path"/>: see <see cref="Load(CollectionSpec, CollectionOptions?)"/>.</summary>
    /// <exception cref="BpfElfException">The file is not a valid BPF object.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected a program.</exception>
    /// <exception cref="BpfException">The kernel refused to create a map or load a program.</exception>
    public static Collection Load(string path, CollectionOptions? options = null) => Load(CollectionSpec.ReadFile(path), options);

    /// <summary>Loads an object file held in memory: see <see cref="Load(CollectionSpec, CollectionOptions?)"/>.</summary>
    /// <exception cref="BpfElfException">The bytes are not a valid BPF object.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected a program.</exception>
    /// <exception cref="BpfException">The kernel refused to create a map or load a program.</exception>
    public static Collection Load(byte[] bytes, CollectionOptions? options = null) => Load(CollectionSpec.Read(bytes), options);

    /// <summary>Creates the kernel objects <paramref name="spec"/> describes: loads its BTF (continuing without it, with a
    /// <see cref="BtfWarning"/>, when the kernel refuses it), creates every map with its BTF key/value types and initial
    /// contents (reusing maps pinned by name under <see cref="CollectionOptions.PinPath"/>, pinning new ones there), fills
    /// map-in-map slots, freezes read-only globals, loads every program with map references, function and line info,
    /// and finally fills program arrays. On any failure everything created so far is closed and every pin this call
    /// made is removed before the exception propagates.</summary>
    /// <remarks>Minimum kernel: that of the object's map and program types; BTF 5.0 (optional); global data 5.2.</remarks>
    /// <param name="spec">The parsed object.</param>
    /// <param name="options">Pin path and log level; null for the defaults.</param>
    /// <returns>The loaded collection; dispose it to close every descriptor.</returns>
    /// <exception cref="ArgumentException">A program refers to a map, or a map entry to a program or map, that the spec does not have.</exception>
    /// <exception cref="InvalidOperationException">A map pinned by name exists with a different type, key size, value size or size.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected a program.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel lacks a program type or attach target.</exception>
    /// <exception cref="BpfException">The kernel refused to create a map, write an entry or load a program.</exception>
    public static Collection Load(CollectionSpec spec, CollectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new CollectionOptions();
        var loading = new CollectionLoad(spec, options);
        try
        {
            return loading.Run((btf, warning, maps, programs) => new Collection(btf, warning, maps, programs));
        }
        catch
        {
            loading.Undo();
            throw;
        }
    }

    /// <summary>The map named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The collection has no such map; the message lists the ones it has.</exception>
    public Map GetMap(string name) => maps.TryGetValue(name, out var map)
        ? map
        : throw new KeyNotFoundException($"the collection has no map '{name}'; it has {Names(maps.Keys)}");

    /// <summary>The program named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The collection has no such program; the message lists the ones it has.</exception>
    public Program GetProgram(string name) => programs.TryGetValue(name, out var program)
        ? program
        : throw new KeyNotFoundException($"the collection has no program '{name}'; it has {Names(programs.Keys)}");

    /// <summary>Closes every program, map and BTF descriptor of the collection. Pins stay.</summary>
    public void Dispose()
    {
        foreach (var program in programs.Values) program.Dispose();
        foreach (var map in maps.Values) map.Dispose();
        Btf?.Dispose();
    }

    static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"'{n}'")) : "none";
}
