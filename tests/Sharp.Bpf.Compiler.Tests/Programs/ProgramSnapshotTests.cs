using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Programs;

/// <summary>(a) Each regression program class's disassembly equals its checked-in snapshot, so every change in generated
/// code shows up in review. Rewrite the snapshots with SHARP_BPF_UPDATE_SNAPSHOTS=1.</summary>
public class ProgramSnapshotTests
{
    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Disassembly_matches_the_snapshot(string suiteName)
    {
        var suite = ProgramSuites.All[suiteName];
        string name = suite.Name + ".txt";
        string listing = ObjectListing.Of(suite.ObjectBytes);
        if (SnapshotFile.Updating)
        {
            SnapshotFile.Write(name, listing);
            return;
        }
        var expected = SnapshotFile.Read(name);
        Assert.True(expected is not null, $"no snapshot {SnapshotFile.PathOf(name)}; run the tests with {SnapshotFile.UpdateVariable}=1 to create it");
        Assert.Equal(expected, listing);
    }

    [Theory]
    [MemberData(nameof(ProgramSuites.Names), MemberType = typeof(ProgramSuites))]
    public void Snapshot_lists_every_program(string suiteName)
    {
        var suite = ProgramSuites.All[suiteName];
        var listing = ObjectListing.Of(suite.ObjectBytes);
        Assert.All(suite.Programs, program => Assert.Contains($"<{program.Name}>:", listing));
    }
}
