namespace Sharp.Bpf;

/// <summary>A key of an LPM trie: the first <paramref name="Length"/> bits of <paramref name="Data"/>
/// (<c>struct bpf_lpm_trie_key_u8</c>: a 32-bit prefix length followed by the data bytes, most significant bit first).</summary>
/// <typeparam name="TData">The data, e.g. four bytes of an IPv4 address in network order.</typeparam>
/// <param name="Length">The prefix length in bits.</param>
/// <param name="Data">The data the prefix is taken from.</param>
public readonly record struct LpmPrefix<TData>(uint Length, TData Data) where TData : unmanaged;
