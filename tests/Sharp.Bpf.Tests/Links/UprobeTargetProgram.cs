using System.Diagnostics;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Data/host/uprobe_target.c built with clang-19 into a temporary folder (once per run), and run as a child.
/// With argument N it calls sharp_bpf_add(i, 1) and sharp_bpf_square(i) for i = 0..N-1.</summary>
internal static class UprobeTargetProgram
{
    static readonly Lazy<string> built = new(() =>
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("sharp-bpf-uprobe-target-").FullName, "uprobe_target");
        ExternalTool.Run("clang-19", ["-O1", "-o", output, Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "host", "uprobe_target.c")]);
        return output;
    });

    /// <summary>The built executable's path.</summary>
    public static string ExecutablePath => built.Value;

    /// <summary>Runs the program for <paramref name="rounds"/> rounds and waits for it to exit successfully.</summary>
    public static void Run(int rounds)
    {
        using var process = Process.Start(new ProcessStartInfo(ExecutablePath, rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)) { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
