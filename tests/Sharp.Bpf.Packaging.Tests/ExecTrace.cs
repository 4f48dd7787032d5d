using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>Runs trace.cs (samples/single-file) with <c>dotnet run trace.cs</c> and checks its count of a program the test
/// executes: a copy of true under a name no other process on the machine uses, since trace.cs counts by program name.</summary>
internal static class ExecTrace
{
    const int Executions = 5;

    /// <summary>Runs <c>dotnet run trace.cs -- --duration 8</c> in <paramref name="folder"/>, executes the program five times
    /// once the probe is attached, and asserts that trace.cs printed a count of exactly five for it.</summary>
    /// <param name="folder">The folder holding trace.cs.</param>
    /// <param name="artifactsPath">Where the build goes; null for dotnet's cache of file-based apps (a folder per file path).</param>
    public static void AssertCountsExecutions(string folder, string? artifactsPath = null)
    {
        var programFolder = Path.Combine(Path.GetTempPath(), $"sharp-bpf-trace-{Guid.NewGuid():N}");
        Directory.CreateDirectory(programFolder);
        try
        {
            // The name is the task's comm after exec, at most 15 characters.
            var program = Path.Combine(programFolder, $"sbpf-{Guid.NewGuid():N}"[..15]);
            File.Copy("/bin/true", program); // keeps the mode: executable

            string[] build = artifactsPath is null ? [] : ["--artifacts-path", artifactsPath];
            using var trace = ChildProcess.Start("dotnet", folder, ["run", "trace.cs", .. build, "--", "--duration", "8"]);
            trace.WaitForOutput("Hit Ctrl-C to end.", TimeSpan.FromMinutes(10));
            for (var i = 0; i < Executions; i++)
            {
                using var execution = ChildProcess.Start(program, programFolder);
                execution.WaitForSuccess(TimeSpan.FromSeconds(30));
            }
            var output = trace.WaitForSuccess(TimeSpan.FromMinutes(1));

            Assert.Contains($"@execs[{Path.GetFileName(program)}]: {Executions}", output.Split('\n').Select(line => line.TrimEnd()));
        }
        finally
        {
            Directory.Delete(programFolder, recursive: true);
        }
    }
}
