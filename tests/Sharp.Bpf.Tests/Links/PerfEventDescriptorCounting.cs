using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Tests that count this process's perf event descriptors run alone, so no test running beside them
/// (a perf buffer reader, another probe) changes the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PerfEventDescriptorCounting
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "counts perf event descriptors";
}
