using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>Compares keys by their bytes, as kernel maps do (so two keys differing only in padding are different keys).</summary>
internal sealed class BytewiseComparer<T> : IEqualityComparer<T> where T : unmanaged
{
    public static readonly BytewiseComparer<T> Instance = new();

    public bool Equals(T x, T y) => Bytes(in x).SequenceEqual(Bytes(in y));

    public int GetHashCode(T value)
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes(in value));
        return hash.ToHashCode();
    }

    static ReadOnlySpan<byte> Bytes(ref readonly T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));
}
