using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>LPM tries find the longest stored prefix matching a key.</summary>
public sealed class LpmTrieTests
{
    readonly LpmTrie<uint, uint> _trie = new(maxEntries: 4);

    static LpmTrieKey<uint> Key(uint prefixLength, string address) => new(prefixLength, Frames.AddressNetworkOrder(address));

    public LpmTrieTests()
    {
        _trie.Update(Key(8, "10.0.0.0"), 8);
        _trie.Update(Key(24, "10.1.2.0"), 24);
    }

    [Fact]
    public void Longest_matching_prefix_wins()
    {
        Assert.True(_trie.TryGetValue(Key(32, "10.1.2.3"), out var value));
        Assert.Equal(24u, value);
    }

    [Fact]
    public void Shorter_prefix_matches_outside_the_longer_one() => Assert.Equal(8u, _trie.Lookup(Key(32, "10.9.9.9")).Value);

    [Fact]
    public void No_matching_prefix_is_null() => Assert.True(_trie.Lookup(Key(32, "192.168.0.1")).IsNull);

    [Fact]
    public void Lookup_prefix_length_limits_the_match() => Assert.Equal(8u, _trie.Lookup(Key(16, "10.1.2.3")).Value);

    [Fact]
    public void Bits_past_the_prefix_do_not_make_a_new_entry()
    {
        _trie.Update(Key(8, "10.255.255.255"), 80);
        Assert.Equal(2, _trie.Count);
        Assert.Equal(80u, _trie.Lookup(Key(32, "10.9.9.9")).Value);
    }

    [Fact]
    public void Prefix_longer_than_the_data_is_einval() => Assert.Equal(-22, _trie.Update(Key(33, "10.0.0.0"), 1));

    [Fact]
    public void Delete_removes_an_exact_prefix_only()
    {
        Assert.Equal(-2, _trie.Delete(Key(16, "10.1.0.0")));
        Assert.Equal(0, _trie.Delete(Key(24, "10.1.2.0")));
        Assert.Equal(8u, _trie.Lookup(Key(32, "10.1.2.3")).Value);
    }

    [Fact]
    public void Declaration_always_has_no_prealloc() => Assert.True(_trie.Flags.HasFlag(MapFlags.NoPreallocation));
}
