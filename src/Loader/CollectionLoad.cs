using System.Buffers.Binary;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf;

/// <summary>One run of <see cref="Collection.Load(CollectionSpec, CollectionOptions?)"/>: creates the objects in dependency
/// order and remembers each, so that <see cref="Undo"/> can release all of them when a later step fails.</summary>
internal sealed class CollectionLoad(CollectionSpec spec, CollectionOptions options)
{
    readonly Dictionary<string, Map> maps = [];
    readonly Dictionary<string, Program> programs = [];
    readonly List<Map> pinnedHere = [];
    readonly HashSet<string> reused = [];
    BtfHandle? btf;

    /// <summary>Creates everything and hands it to <paramref name="collection"/>.</summary>
    public Collection Run(Func<BtfHandle?, string?, Dictionary<string, Map>, Dictionary<string, Program>, Collection> collection)
    {
        var warning = LoadBtf();
        foreach (var mapSpec in spec.Maps.Values) maps[mapSpec.Name] = CreateOrReuse(mapSpec);
        // Map-in-map slots before programs load: programs may rely on them, and they refer only to maps.
        foreach (var mapSpec in spec.Maps.Values.Where(m => IsCreatedHere(m) && HoldsMaps(m))) WriteReferences(mapSpec, MapFd);
        // Frozen after every write: read-only globals let the verifier treat their values as constants.
        foreach (var mapSpec in spec.Maps.Values.Where(m => m.Freeze && IsCreatedHere(m))) maps[mapSpec.Name].Freeze();
        foreach (var programSpec in spec.Programs.Values) programs[programSpec.Name] = LoadProgram(programSpec);
        foreach (var mapSpec in spec.Maps.Values.Where(m => IsCreatedHere(m) && !HoldsMaps(m))) WriteReferences(mapSpec, ProgramFd);
        return collection(btf, warning, maps, programs);
    }

    /// <summary>Closes everything created so far and removes the pins this load made.</summary>
    public void Undo()
    {
        foreach (var map in pinnedHere) map.Unpin();
        foreach (var program in programs.Values) program.Dispose();
        foreach (var map in maps.Values) map.Dispose();
        btf?.Dispose();
    }

    string? LoadBtf()
    {
        if (spec.RawBtf is not { } raw) return null;
        try
        {
            btf = BtfHandle.Load(raw.Span);
            return null;
        }
        catch (BpfException error)
        {
            return $"the kernel refused the object's BTF, so maps and programs were loaded without it: {error.Message}";
        }
    }

    bool IsCreatedHere(MapSpec mapSpec) => !reused.Contains(mapSpec.Name);

    static bool HoldsMaps(MapSpec mapSpec) => mapSpec.Type is MapType.ArrayOfMaps or MapType.HashOfMaps;

    Map CreateOrReuse(MapSpec mapSpec)
    {
        var pinPath = mapSpec.Pinning == MapPinning.ByName ? Path.Combine(options.PinPath, mapSpec.Name) : null;
        if (pinPath is not null && File.Exists(pinPath)) return Reuse(mapSpec, pinPath);

        var map = Map.CreateEmpty(mapSpec, btf);
        maps[mapSpec.Name] = map;
        map.WriteContents(mapSpec);
        if (pinPath is not null)
        {
            map.Pin(pinPath);
            pinnedHere.Add(map);
        }
        return map;
    }

    /// <summary>Opens the map pinned by name, after checking it matches the spec as libbpf does; its contents stay as they are.</summary>
    Map Reuse(MapSpec mapSpec, string pinPath)
    {
        var map = Map.OpenPinned(pinPath);
        maps[mapSpec.Name] = map;
        reused.Add(mapSpec.Name);
        if (map.Type != mapSpec.Type || map.KeySize != mapSpec.KeySize || map.ValueSize != mapSpec.ValueSize || map.MaxEntries != mapSpec.MaxEntries)
            throw new InvalidOperationException(
                $"map '{mapSpec.Name}' is pinned at {pinPath} as {map}, which does not match the object's {mapSpec.Type} map " +
                $"(key {mapSpec.KeySize} B, value {mapSpec.ValueSize} B, {mapSpec.MaxEntries} entries); remove the pin to recreate it");
        return map;
    }

    Program LoadProgram(ProgramSpec programSpec) => Program.Load(programSpec, new ProgramLoadOptions
    {
        ResolveMapFd = name => maps.TryGetValue(name, out var map)
            ? map.Handle.Fd
            : throw new ArgumentException($"program '{programSpec.Name}' refers to map '{name}', which the object does not declare"),
        BtfFd = btf?.Handle.Fd,
        LogLevel = options.LogLevel,
    });

    /// <summary>Writes the entries whose value is the descriptor of a map (map-in-map) or of a program (program array).</summary>
    void WriteReferences(MapSpec mapSpec, Func<MapSpec, string, int> descriptorOf)
    {
        Span<byte> value = stackalloc byte[sizeof(int)];
        foreach (var entry in mapSpec.Contents)
        {
            if (entry.Reference is not { } name) continue;
            BinaryPrimitives.WriteInt32LittleEndian(value, descriptorOf(mapSpec, name));
            maps[mapSpec.Name].Update(entry.Key.Span, value);
        }
    }

    int MapFd(MapSpec holder, string name) => maps.TryGetValue(name, out var map)
        ? map.Handle.Fd
        : throw new ArgumentException($"map '{holder.Name}' has a slot for map '{name}', which the object does not declare");

    int ProgramFd(MapSpec holder, string name) => programs.TryGetValue(name, out var program)
        ? program.Handle.Fd
        : throw new ArgumentException($"program array '{holder.Name}' has a slot for program '{name}', which the object does not have");
}
