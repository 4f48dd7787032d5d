using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>Progress of the slow steps (packs, builds, test runs) as xunit diagnostic messages, which the runner prints as
/// they come (xunit.runner.json enables them), and in the test's output.</summary>
internal static class Progress
{
    public static void Report(string message)
    {
        var line = $"[{DateTime.UtcNow:HH:mm:ss}] {message}";
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
