using Xunit;

namespace Sharp.Bpf.Tests;

/// <summary>Tests that compare the process's open descriptor count before and after run alone: every other test opens
/// and closes descriptors, so in parallel the count would move under them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DescriptorCountingCollection
{
    /// <summary>The collection's name, for <c>[Collection(DescriptorCountingCollection.Name)]</c>.</summary>
    public const string Name = "Descriptor counting";
}
