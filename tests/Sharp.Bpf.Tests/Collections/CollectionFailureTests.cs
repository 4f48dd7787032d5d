using Sharp.Bpf.Tests.Tools;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Collections;

/// <summary>A collection that fails to load says why, with the C source line, and leaves nothing behind.</summary>
[Collection(DescriptorCountingCollection.Name)]
public sealed class CollectionFailureTests
{
    [Fact]
    public void A_rejected_program_names_its_C_source_line()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfVerifierException>(() => Collection.Load(LoaderCorpus.Object(LoaderCorpus.Broken)));

        Assert.Equal("read_unchecked", error.ProgramName);
        Assert.Contains("unsigned char first_byte = data[14];", error.Message);
        Assert.Contains($"{LoaderCorpus.Broken}.c:9", error.Message);
        Assert.Contains("invalid access to packet", error.Reason);
        Assert.NotNull(error.Instruction);
        Assert.Contains("first_byte = data[14];", error.Log);
    }

    [Fact]
    public void A_program_rejected_half_way_closes_every_descriptor_and_removes_the_pins_it_made()
    {
        Privileged.RequireRoot();
        var pinPath = LoaderCorpus.UniquePinPath();
        Directory.CreateDirectory(pinPath);
        try
        {
            var spec = HalfBroken(pinBy: MapPinning.ByName);
            var before = KernelDescriptors.Snapshot();

            Assert.Throws<BpfVerifierException>(() => Collection.Load(spec, new CollectionOptions { PinPath = pinPath }));

            Assert.Equal(before, KernelDescriptors.Snapshot());
            Assert.Empty(Directory.GetFileSystemEntries(pinPath));
        }
        finally
        {
            Directory.Delete(pinPath, recursive: true);
        }
    }

    [Fact]
    public void Loading_and_disposing_a_collection_a_thousand_times_leaves_the_descriptor_count_unchanged()
    {
        Privileged.RequireRoot();
        var spec = CollectionSpec.ReadFile(LoaderCorpus.Object("globals"));
        using (Collection.Load(spec)) { }
        var before = KernelDescriptors.Snapshot();

        for (int i = 0; i < 1000; i++)
            using (Collection.Load(spec)) { }

        Assert.Equal(before, KernelDescriptors.Snapshot());
    }

    /// <summary>The tail-call object's maps and programs followed by the broken program, so the load fails after maps
    /// were created, BTF was loaded and good programs were loaded.</summary>
    static CollectionSpec HalfBroken(MapPinning pinBy)
    {
        var good = CollectionSpec.ReadFile(LoaderCorpus.Object("tail_calls"));
        var broken = CollectionSpec.ReadFile(LoaderCorpus.Object(LoaderCorpus.Broken));
        return good with
        {
            Maps = good.Maps.ToDictionary(map => map.Key, map => map.Value with { Pinning = pinBy }),
            // The broken program's line info points into its own object's BTF, so it goes without.
            Programs = good.Programs.Concat(broken.Programs.ToDictionary(p => p.Key, p => p.Value with { FunctionInfos = [], LineInfos = [] })).ToDictionary(),
        };
    }
}
