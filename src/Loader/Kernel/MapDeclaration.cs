using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A map declared by a static field of a BPF object. The generator emits each declaration as a BTF-defined map in
/// <c>.maps</c> named after the field, with the type, sizes, max entries, flags and pinning given here (constant constructor
/// arguments); kernel code reaches it with <c>ld_imm64 r1, map_fd(name)</c> (an <c>R_BPF_64_64</c> relocation). Managed,
/// each declaration is an in-memory map with the kernel's semantics, which tests may inspect and reset.</summary>
public abstract class MapDeclaration
{
    /// <summary>Declares a map.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEntries"/> is 0 where the type needs entries.</exception>
    private protected MapDeclaration(MapType type, uint maxEntries, MapFlags flags, MapPinning pinning)
    {
        if (maxEntries == 0 && type != MapType.PerfEventArray) throw new ArgumentOutOfRangeException(nameof(maxEntries), "A map needs at least one entry.");
        Type = type;
        MaxEntries = maxEntries;
        Flags = flags;
        Pinning = pinning;
    }

    /// <summary>The map type (<c>__uint(type, ...)</c>).</summary>
    public MapType Type { get; }

    /// <summary>The most elements the map holds (<c>__uint(max_entries, ...)</c>; bytes for a ring buffer).</summary>
    public uint MaxEntries { get; }

    /// <summary>Creation flags (<c>__uint(map_flags, ...)</c>).</summary>
    public MapFlags Flags { get; }

    /// <summary>How the loader pins the map (<c>__uint(pinning, LIBBPF_PIN_BY_NAME)</c>).</summary>
    public MapPinning Pinning { get; }

    /// <summary>Empties the managed map, so each test starts from a freshly created one.</summary>
    [ManagedOnly]
    public abstract void Clear();
}
