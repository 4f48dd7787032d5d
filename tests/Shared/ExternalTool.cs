using System.Diagnostics;
using Xunit;

namespace Sharp.Bpf.Testing;

/// <summary>Runs an oracle tool (clang-19, llvm-mc-19, llvm-objdump-19) and returns its output.</summary>
public static class ExternalTool
{
    /// <summary>The tool's stdout; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string tool, IEnumerable<string> arguments, string? stdin = null) => Run(tool, arguments, stdin, out _);

    /// <summary>The tool's stdout, and its stderr in <paramref name="stderr"/>; fails the test when it exits non-zero.</summary>
    public static string Run(string tool, IEnumerable<string> arguments, string? stdin, out string stderr)
    {
        int exitCode = TryRun(tool, arguments, stdin, out var stdout, out stderr);
        if (exitCode != 0)
            Assert.Fail($"{tool} {string.Join(' ', arguments)} exited with {exitCode}: {stderr}");
        return stdout;
    }

    /// <summary>Runs the tool and returns its exit code, with its stdout and stderr.</summary>
    public static int TryRun(string tool, IEnumerable<string> arguments, string? stdin, out string stdout, out string stderr)
    {
        var start = new ProcessStartInfo(Privileged.RequireTool(tool))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        // Read both pipes concurrently so a full stderr pipe cannot block the tool.
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        process.WaitForExit();
        stderr = errors.GetAwaiter().GetResult();
        stdout = output.GetAwaiter().GetResult();
        return process.ExitCode;
    }
}
