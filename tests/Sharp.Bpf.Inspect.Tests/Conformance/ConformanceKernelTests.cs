using Sharp.Bpf.Inspect.Conformance;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Conformance;

/// <summary>Every conformance program runs in the kernel through <c>sharp-bpf run</c>'s code path and returns the expected r0,
/// except those the kernel refuses by design, which must be refused with the listed error.</summary>
public sealed class ConformanceKernelTests
{
    public static TheoryData<string> Tests() => ConformanceFiles.Tests();

    [Theory]
    [MemberData(nameof(Tests))]
    public void Program_returns_the_expected_r0_in_the_kernel(string file)
    {
        Privileged.RequireRoot();
        var outcome = KernelConformance.Classify(new ConformanceRunner(KernelConformance.Execute).Evaluate(Path.Combine(ConformanceFiles.TestsFolder, file)));
        Assert.True(outcome.Verdict != KernelConformance.Verdict.Failed, outcome.Outcome.ToString());
    }

    [Fact]
    public void Every_listed_kernel_rejection_names_an_existing_test()
    {
        foreach (var name in KnownKernelRejections.ByTest.Keys)
            Assert.True(File.Exists(Path.Combine(ConformanceFiles.TestsFolder, name + ".data")), name);
    }
}
