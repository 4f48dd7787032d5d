using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>The end-to-end tests run alone, one at a time: they create namespaces and real traffic, and the UDP test
/// checks latencies against a 5 ms window.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "flat end to end";
}
