using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs;

/// <summary>(c) Each regression program gives the same return value, packet bytes and map contents in the kernel
/// (<c>BPF_PROG_TEST_RUN</c>) as its managed execution, on at least 1,000 generated inputs.</summary>
public class ProgramDifferentialTests
{
    const int MinimumInputs = 1_000;

    [Theory]
    [MemberData(nameof(ProgramSuites.ProgramNames), MemberType = typeof(ProgramSuites))]
    public void Kernel_execution_matches_managed_execution(string suiteName, string programName)
    {
        Privileged.RequireRoot();
        var suite = ProgramSuites.All[suiteName];
        using var collection = Collection.Load(CollectionSpec.Read(suite.ObjectBytes));
        var report = DifferentialRunner.Run(suite, suite.Program(programName), collection);
        Assert.True(report.Inputs >= MinimumInputs, $"{suiteName}.{programName} ran only {report.Inputs} inputs");
        Assert.True(report.Failures == 0, report.Describe());
    }
}
