using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A cursor over packet memory from a start pointer to the context's <c>data_end</c>, whose accesses are
/// bounds-checked by construction: every read, write or reference first checks that it lies inside the packet, so the code
/// always carries the check the verifier demands (DESIGN.md §2, rule 1). Get one from <see cref="SkBuff.Packet"/> or
/// <see cref="XdpMd.Packet"/>; it is invalid after a helper that changes packet data (<see cref="Bpf.SkbPullData"/>).</summary>
/// <remarks>Compiles to two registers, a packet pointer <c>p</c> and <c>data_end</c>. An access of <c>n</c> bytes at offset
/// <c>off</c> compiles to <c>t = p; t += off + n; if t &gt; data_end goto fail</c> (64-bit compare), then exact-width loads
/// or stores at <c>p + off</c>. A variable <c>off</c> must have a range the verifier can see (e.g. <c>(ihl &amp; 0xF) * 4</c>).
/// Managed: a span over the packet's bytes; out-of-bounds accesses fail exactly where the kernel's checks would.</remarks>
public readonly ref struct Packet
{
    readonly Span<byte> _bytes;

    /// <summary>A cursor over <paramref name="bytes"/> (managed execution; kernel code gets packets from its context).</summary>
    public Packet(Span<byte> bytes) => _bytes = bytes;

    /// <summary>Bytes from the cursor to <c>data_end</c> (<c>data_end - p</c>).</summary>
    public int Length => _bytes.Length;

    /// <summary>Reads a <typeparamref name="T"/> at <paramref name="offset"/>.</summary>
    /// <returns>False, with <paramref name="value"/> zeroed, when <paramref name="offset"/> + sizeof(T) passes the end (or the
    /// offset is negative).</returns>
    /// <remarks>The bounds check, then loads of the fields the code uses (the optimiser drops the rest).</remarks>
    public bool TryRead<T>(int offset, out T value) where T : unmanaged
    {
        if (!Fits<T>(offset))
        {
            value = default;
            return false;
        }
        value = MemoryMarshal.Read<T>(_bytes[offset..]);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/> (tc, xdp and other programs with writable packets).</summary>
    /// <returns>False, writing nothing, when it does not fit.</returns>
    /// <remarks>The bounds check, then stores.</remarks>
    public bool TryWrite<T>(int offset, in T value) where T : unmanaged
    {
        if (!Fits<T>(offset)) return false;
        MemoryMarshal.Write(_bytes[offset..], in value);
        return true;
    }

    /// <summary>References the <typeparamref name="T"/> at <paramref name="offset"/> in place, so only the fields used are loaded.</summary>
    /// <returns>A null reference when it does not fit.</returns>
    /// <remarks>The bounds check; the reference is the register <c>p + off</c>.</remarks>
    public NullableRef<T> GetRef<T>(int offset) where T : unmanaged =>
        Fits<T>(offset) ? new NullableRef<T>(ref Unsafe.As<byte, T>(ref _bytes[offset])) : NullableRef<T>.Null;

    /// <summary>A cursor starting <paramref name="offset"/> bytes further, up to the same end — how a parser steps past a header.</summary>
    /// <returns>False when <paramref name="offset"/> is negative or past the end.</returns>
    /// <remarks><c>p2 = p + off; if p2 &gt; data_end goto fail</c>.</remarks>
    public bool TrySlice(int offset, out Packet rest)
    {
        if (offset < 0 || offset > _bytes.Length)
        {
            rest = default;
            return false;
        }
        rest = new Packet(_bytes[offset..]);
        return true;
    }

    bool Fits<T>(int offset) where T : unmanaged => offset >= 0 && (long)offset + Unsafe.SizeOf<T>() <= _bytes.Length;
}
