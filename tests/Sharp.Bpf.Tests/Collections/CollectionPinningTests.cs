using Sharp.Bpf.Tests.Tools;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Collections;

/// <summary>Maps pinned by name are pinned under the pin path and reused from there by the next load.</summary>
public sealed class CollectionPinningTests
{
    static CollectionSpec PinnedByName()
    {
        var spec = CollectionSpec.ReadFile(LoaderCorpus.Object("tail_calls"));
        return spec with { Maps = spec.Maps.ToDictionary(m => m.Key, m => m.Value with { Pinning = MapPinning.ByName }) };
    }

    [Fact]
    public void A_map_pinned_by_name_is_pinned_under_the_pin_path_and_stays_after_dispose()
    {
        Privileged.RequireRoot();
        var pinPath = LoaderCorpus.UniquePinPath();
        Directory.CreateDirectory(pinPath);
        try
        {
            uint id;
            using (var collection = Collection.Load(PinnedByName(), new CollectionOptions { PinPath = pinPath }))
                id = collection.Maps["jump_table"].Id;

            using var reopened = Map.OpenPinned(Path.Combine(pinPath, "jump_table"));
            Assert.Equal(id, reopened.Id);
        }
        finally
        {
            Directory.Delete(pinPath, recursive: true);
        }
    }

    [Fact]
    public void The_next_load_reuses_the_pinned_map()
    {
        Privileged.RequireRoot();
        var pinPath = LoaderCorpus.UniquePinPath();
        Directory.CreateDirectory(pinPath);
        try
        {
            var options = new CollectionOptions { PinPath = pinPath };
            using var first = Collection.Load(PinnedByName(), options);
            using var second = Collection.Load(PinnedByName(), options);

            Assert.Equal(first.Maps["jump_table"].Id, second.Maps["jump_table"].Id);
        }
        finally
        {
            Directory.Delete(pinPath, recursive: true);
        }
    }

    [Fact]
    public void A_pinned_map_that_does_not_match_the_object_is_refused_and_left_alone()
    {
        Privileged.RequireRoot();
        var pinPath = LoaderCorpus.UniquePinPath();
        Directory.CreateDirectory(pinPath);
        try
        {
            var spec = PinnedByName();
            var larger = spec with { Maps = spec.Maps.ToDictionary(m => m.Key, m => m.Value with { MaxEntries = m.Value.MaxEntries * 2 }) };
            using var first = Collection.Load(larger, new CollectionOptions { PinPath = pinPath });

            var error = Assert.Throws<InvalidOperationException>(() => Collection.Load(spec, new CollectionOptions { PinPath = pinPath }));

            Assert.Contains("map 'jump_table' is pinned at", error.Message);
            Assert.True(File.Exists(Path.Combine(pinPath, "jump_table")));
        }
        finally
        {
            Directory.Delete(pinPath, recursive: true);
        }
    }
}
