using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>Loads every program of an object into the kernel without attaching it, one at a time, so that one rejected
/// program does not hide what the others would do. The object's BTF and maps are created once (as a collection without
/// programs) and shared by every program, as <c>bpftool prog loadall</c> shares them; all of it is closed afterwards.
/// Maps declared <c>LIBBPF_PIN_BY_NAME</c> are neither pinned nor reused, so verifying leaves nothing behind in bpffs and does
/// not depend on what is pinned there, and program array slots stay empty (they only matter once programs run).</summary>
internal static class ObjectVerification
{
    /// <summary>Loads, measures and closes each program of <paramref name="spec"/>, in the object's order.</summary>
    /// <exception cref="BpfException">The kernel refused the object's maps (e.g. EPERM without privileges).</exception>
    /// <exception cref="ArgumentException">A map slot refers to a map the object does not declare.</exception>
    public static IReadOnlyList<ProgramVerdict> Run(CollectionSpec spec)
    {
        var mapsOnly = spec with
        {
            Programs = new Dictionary<string, ProgramSpec>(),
            Maps = spec.Maps.ToDictionary(pair => pair.Key, pair => Unpinned(pair.Value)),
        };
        using var collection = Collection.Load(mapsOnly);
        return spec.Programs.Values.Select(program => Verify(program, collection)).ToList();
    }

    static MapSpec Unpinned(MapSpec map) => map with
    {
        Pinning = MapPinning.None,
        Contents = map.Type is MapType.ArrayOfMaps or MapType.HashOfMaps ? map.Contents : map.Contents.Where(entry => entry.Reference is null).ToList(),
    };

    static ProgramVerdict Verify(ProgramSpec spec, Collection collection)
    {
        try
        {
            using var program = Program.Load(spec, new ProgramLoadOptions
            {
                ResolveMapFd = name => collection.Maps.TryGetValue(name, out var map)
                    ? map.Fd
                    : throw new ArgumentException($"program '{spec.Name}' refers to map '{name}', which the object does not declare"),
                BtfFd = collection.Btf?.Handle.Fd,
            });
            return new ProgramVerdict(spec.Name, spec.Type, spec.SectionName, program.GetInfo(), Error: null);
        }
        catch (Exception e) when (e is BpfException or ArgumentException)
        {
            return new ProgramVerdict(spec.Name, spec.Type, spec.SectionName, Info: null, e.Message);
        }
    }
}
