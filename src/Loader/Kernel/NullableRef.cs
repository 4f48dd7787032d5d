using System.Runtime.CompilerServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A reference that may be null: what a map lookup or a packet <see cref="Packet.GetRef{T}"/> returns. The
/// verifier refuses any dereference not dominated by a null check, so test <see cref="IsNull"/> (or
/// <see cref="HasValue"/>) first, then read or write <see cref="Value"/> in place — <c>slot.Value++</c> updates the map.</summary>
/// <remarks>Compiles to a single register holding <c>PTR_TO_MAP_VALUE_OR_NULL</c> (or a packet pointer);
/// <see cref="IsNull"/> is <c>if rX == 0 goto</c>, <see cref="Value"/> is a load or store through rX. Managed: a ref into
/// the map's storage that stays valid after the element is deleted, as RCU keeps it valid in the kernel.</remarks>
/// <typeparam name="T">The referenced type.</typeparam>
public readonly ref struct NullableRef<T>
{
    readonly ref T _value;

    /// <summary>Wraps a reference (null when <paramref name="value"/> is <see cref="Unsafe.NullRef{T}"/>).</summary>
    public NullableRef(ref T value) => _value = ref value;

    /// <summary>The null reference.</summary>
    public static NullableRef<T> Null => default;

    /// <summary>True when there is nothing to reference (<c>rX == 0</c>).</summary>
    public bool IsNull => Unsafe.IsNullRef(ref _value);

    /// <summary>True when there is something to reference (<c>rX != 0</c>).</summary>
    public bool HasValue => !Unsafe.IsNullRef(ref _value);

    /// <summary>The referenced value, to read or update in place.</summary>
    /// <exception cref="NullReferenceException">The reference is null — code the verifier would reject.</exception>
    public ref T Value
    {
        get
        {
            if (Unsafe.IsNullRef(ref _value)) throw new NullReferenceException("Dereferenced a null map value or packet reference without checking IsNull; the verifier rejects this.");
            return ref _value;
        }
    }
}
