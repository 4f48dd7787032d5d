using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>An array map (<c>BPF_MAP_TYPE_ARRAY</c>, Linux 3.19): <see cref="MapDeclaration.MaxEntries"/> zero-initialised
/// values indexed by a <c>uint</c>; elements always exist and cannot be deleted. Managed: a zeroed array.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ArrayMap<T> : MapDeclaration where T : unmanaged
{
    readonly T[] _values;

    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The number of elements.</param>
    /// <param name="flags">Creation flags (<see cref="MapFlags.Mmapable"/> lets user space map it, Linux 5.5).</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public ArrayMap(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.Array, maxEntries, flags, pinning) => _values = new T[maxEntries];

    /// <summary>Finds element <paramref name="index"/>, to read or update in place.</summary>
    /// <returns>Null when <paramref name="index"/> ≥ <see cref="MapDeclaration.MaxEntries"/>.</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1; the verifier inlines it for arrays), then the mandatory null check.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public NullableRef<T> Lookup(uint index) => index < _values.Length ? new NullableRef<T>(ref _values[index]) : NullableRef<T>.Null;

    /// <summary>Copies element <paramref name="index"/>.</summary>
    /// <returns>False when the index is out of range (<paramref name="value"/> is then zero).</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), a null check and a copy.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public bool TryGetValue(uint index, out T value)
    {
        value = index < _values.Length ? _values[index] : default;
        return index < _values.Length;
    }

    /// <summary>Replaces element <paramref name="index"/>.</summary>
    /// <returns>0, -E2BIG when the index is out of range, -EEXIST with <see cref="UpdateFlags.NoExist"/> (every element exists).</returns>
    /// <remarks><c>bpf_map_update_elem</c> (helper 2).</remarks>
    [BpfHelper(BpfHelperId.MapUpdateElem)]
    public long Update(uint index, in T value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (index >= _values.Length) return Errno.TooBig;
        if ((flags & UpdateFlags.NoExist) != 0) return Errno.Exists;
        _values[index] = value;
        return 0;
    }

    /// <summary>Array elements cannot be deleted.</summary>
    /// <returns>Always -EINVAL.</returns>
    /// <remarks><c>bpf_map_delete_elem</c> (helper 3).</remarks>
    [BpfHelper(BpfHelperId.MapDeleteElem)]
    public long Delete(uint index) => Errno.Invalid;

    /// <summary>Zeroes every element.</summary>
    [ManagedOnly]
    public override void Clear() => Array.Clear(_values);
}
