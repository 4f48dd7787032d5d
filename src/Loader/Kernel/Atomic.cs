namespace Sharp.Bpf.Kernel;

/// <summary>Atomic read-modify-write on map values and globals, for counters shared between CPUs. Each compiles to one
/// <c>BPF_STX | BPF_ATOMIC</c> instruction on the target's memory (JITed to a <c>lock</c>-prefixed x86 instruction); the
/// 64-bit forms need a 64-bit aligned target. Managed: <see cref="Interlocked"/>.</summary>
public static class Atomic
{
    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/>: <c>lock *(u64 *)(rX + off) += rY</c>
    /// (<c>BPF_ADD</c>, formerly <c>BPF_XADD</c>; Linux 3.18).</summary>
    public static void Add(ref ulong target, ulong value) => Interlocked.Add(ref target, value);

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/>: <c>lock *(u64 *)(rX + off) += rY</c> (Linux 3.18).</summary>
    public static void Add(ref long target, long value) => Interlocked.Add(ref target, value);

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/>: <c>lock *(u32 *)(rX + off) += wY</c> (Linux 3.18).</summary>
    public static void Add(ref uint target, uint value) => Interlocked.Add(ref target, value);

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/>: <c>lock *(u32 *)(rX + off) += wY</c> (Linux 3.18).</summary>
    public static void Add(ref int target, int value) => Interlocked.Add(ref target, value);

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/> and returns the value before the addition:
    /// <c>rY = atomic_fetch_add((u64 *)(rX + off), rY)</c> (<c>BPF_ADD | BPF_FETCH</c>, Linux 5.12).</summary>
    public static ulong FetchAdd(ref ulong target, ulong value) => Interlocked.Add(ref target, value) - value;

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/> and returns the value before the addition
    /// (<c>BPF_ADD | BPF_FETCH</c>, 32-bit, Linux 5.12).</summary>
    public static uint FetchAdd(ref uint target, uint value) => Interlocked.Add(ref target, value) - value;

    /// <summary>Stores <paramref name="value"/> when <paramref name="target"/> equals <paramref name="comparand"/>, and returns
    /// the value found: <c>r0 = cmpxchg((u64 *)(rX + off), r0, rY)</c> (<c>BPF_CMPXCHG</c>, Linux 5.12).</summary>
    public static ulong CompareExchange(ref ulong target, ulong value, ulong comparand) => Interlocked.CompareExchange(ref target, value, comparand);

    /// <summary>Stores <paramref name="value"/> in <paramref name="target"/> and returns the previous value:
    /// <c>rY = xchg((u64 *)(rX + off), rY)</c> (<c>BPF_XCHG</c>, Linux 5.12).</summary>
    public static ulong Exchange(ref ulong target, ulong value) => Interlocked.Exchange(ref target, value);
}
