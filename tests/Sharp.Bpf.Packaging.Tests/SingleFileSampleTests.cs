using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>samples/single-file/trace.cs run in place as its README says, <c>sudo dotnet run trace.cs</c>, against this
/// repository's projects (samples/Directory.Build.props).</summary>
public sealed class SingleFileSampleTests
{
    [Fact]
    public void Trace_counts_each_execution_of_a_program()
    {
        Privileged.RequireRoot();
        ExecTrace.AssertCountsExecutions(Path.Combine(RepositoryPaths.Root, "samples", "single-file"));
    }
}
