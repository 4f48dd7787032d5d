using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>An LPM trie key (<c>struct bpf_lpm_trie_key_u8</c>): a prefix length in bits followed by the address bytes,
/// most significant bit first (network order for IP addresses).</summary>
/// <typeparam name="TData">The address type, e.g. a <c>uint</c> in network order or an <see cref="Ipv6Address"/>.</typeparam>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct LpmTrieKey<TData> where TData : unmanaged
{
    /// <summary>The prefix length in bits: for a stored key, how many leading bits match; for a lookup, the longest
    /// prefix to consider (usually every bit).</summary>
    public uint PrefixLength;

    /// <summary>The address bytes.</summary>
    public TData Data;

    /// <summary>Creates a key.</summary>
    public LpmTrieKey(uint prefixLength, TData data)
    {
        PrefixLength = prefixLength;
        Data = data;
    }
}
