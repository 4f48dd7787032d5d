using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>LPM tries find the longest stored prefix that matches a key.</summary>
public sealed class LpmTrieTests
{
    /// <summary>An IPv4 address as the kernel compares it: network byte order in memory.</summary>
    static uint Ipv4(byte a, byte b, byte c, byte d) => BitConverter.ToUInt32([a, b, c, d]);

    static Map NewTrie() => Map.Create(MapSpecs.Of(MapType.LpmTrie, 8, 4, 16, MapFlags.NoPreallocation, name: "routes"));

    [Fact]
    public void Lookup_finds_the_longest_matching_prefix()
    {
        Privileged.RequireRoot();
        using var map = NewTrie();
        var trie = new LpmTrie<uint, int>(map);
        trie.Update(8, Ipv4(10, 0, 0, 0), 8);
        trie.Update(16, Ipv4(10, 1, 0, 0), 16);
        trie.Update(24, Ipv4(10, 1, 2, 0), 24);

        Assert.True(trie.TryLookup(Ipv4(10, 1, 2, 3), out int value));
        Assert.Equal(24, value);
        Assert.True(trie.TryLookup(Ipv4(10, 1, 9, 9), out value));
        Assert.Equal(16, value);
        Assert.True(trie.TryLookup(Ipv4(10, 200, 0, 1), out value));
        Assert.Equal(8, value);
        Assert.False(trie.TryLookup(Ipv4(192, 168, 0, 1), out _));
    }

    [Fact]
    public void Deleting_a_prefix_falls_back_to_the_shorter_one()
    {
        Privileged.RequireRoot();
        using var map = NewTrie();
        var trie = new LpmTrie<uint, int>(map);
        trie.Update(8, Ipv4(10, 0, 0, 0), 8);
        trie.Update(24, Ipv4(10, 1, 2, 0), 24);
        Assert.True(trie.TryDelete(24, Ipv4(10, 1, 2, 0)));
        Assert.True(trie.TryLookup(Ipv4(10, 1, 2, 3), out int value));
        Assert.Equal(8, value);
        Assert.False(trie.TryDelete(24, Ipv4(10, 1, 2, 0)));
    }

    [Fact]
    public void Keys_list_the_stored_prefixes()
    {
        Privileged.RequireRoot();
        using var map = NewTrie();
        var trie = new LpmTrie<uint, int>(map);
        trie.Update(8, Ipv4(10, 0, 0, 0), 1);
        trie.Update(24, Ipv4(10, 1, 2, 0), 2);
        Assert.Equal(
            [new LpmPrefix<uint>(8, Ipv4(10, 0, 0, 0)), new LpmPrefix<uint>(24, Ipv4(10, 1, 2, 0))],
            trie.Keys.OrderBy(prefix => prefix.Length));
    }

    [Fact]
    public void Prefixes_longer_than_the_data_are_refused()
    {
        Privileged.RequireRoot();
        using var map = NewTrie();
        Assert.Throws<ArgumentOutOfRangeException>(() => new LpmTrie<uint, int>(map).Update(33, 0, 0));
    }
}
