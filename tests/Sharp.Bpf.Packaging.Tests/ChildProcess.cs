using System.Diagnostics;
using System.Text;
using Xunit;

namespace Sharp.Bpf.Packaging.Tests;

/// <summary>An external process the tests start (dotnet, the installed tool, a traced program): stdout and stderr merged
/// into one transcript, every wait bounded, and the whole process tree killed if it is still running when disposed.</summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>How long to wait for the output pipes to close after exit: a build server that inherited them must not
    /// hold a test for its whole idle lifetime.</summary>
    static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(10);

    readonly Process _process;
    readonly StringBuilder _transcript = new();
    readonly CountdownEvent _pipesClosed = new(2);
    readonly string _commandLine;
    readonly Stopwatch _elapsed = Stopwatch.StartNew();

    ChildProcess(ProcessStartInfo start)
    {
        _commandLine = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        Progress.Report($"$ {_commandLine}   (in {start.WorkingDirectory})");
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get { lock (_transcript) return _transcript.ToString(); }
    }

    /// <summary>Starts <paramref name="fileName"/> in <paramref name="workingDirectory"/>, with the environment a user's shell
    /// would give it: without the MSBuild and test-runner variables of the test host (a nested dotnet must not build with
    /// this run's MSBuild settings), in English, with MSBuild worker nodes that exit with the build.</summary>
    public static ChildProcess Start(string fileName, string workingDirectory, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return new ChildProcess(start);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> to its end and fails the test, with the transcript, unless
    /// it exits 0 within <paramref name="timeout"/>.</summary>
    /// <returns>The transcript.</returns>
    public static string Dotnet(string workingDirectory, TimeSpan timeout, params IEnumerable<string> arguments)
    {
        using var process = Start("dotnet", workingDirectory, arguments);
        return process.WaitForSuccess(timeout);
    }

    /// <summary>Waits for the process to exit 0; fails the test with the transcript if it exits otherwise or runs longer than
    /// <paramref name="timeout"/> (then the process tree is killed).</summary>
    /// <returns>The transcript.</returns>
    public string WaitForSuccess(TimeSpan timeout)
    {
        var exitCode = WaitForExit(timeout);
        if (exitCode != 0) Assert.Fail($"{_commandLine} exited with {exitCode}:\n{Output}");
        return Output;
    }

    /// <summary>Waits for the process to exit; fails the test with the transcript after <paramref name="timeout"/> (the
    /// process tree is killed).</summary>
    /// <returns>The exit code.</returns>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"{_commandLine} did not finish in {timeout.TotalSeconds:0} s; killed it. Output so far:\n{Output}");
        }
        _pipesClosed.Wait(OutputDrain);
        Progress.Report($"  exit {_process.ExitCode} after {_elapsed.Elapsed.TotalSeconds:0} s");
        return _process.ExitCode;
    }

    /// <summary>Waits until the process has written a line containing <paramref name="text"/>; fails the test with the transcript
    /// if it exits first or <paramref name="timeout"/> passes.</summary>
    public void WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited && _pipesClosed.Wait(OutputDrain) && !Output.Contains(text, StringComparison.Ordinal))
                Assert.Fail($"{_commandLine} exited with {_process.ExitCode} before printing \"{text}\":\n{Output}");
            if (deadline.Elapsed > timeout)
                Assert.Fail($"{_commandLine} did not print \"{text}\" in {timeout.TotalSeconds:0} s. Output so far:\n{Output}");
            Thread.Sleep(100);
        }
    }

    void Append(string? line)
    {
        if (line is null)
        {
            _pipesClosed.Signal();
            return;
        }
        lock (_transcript) _transcript.AppendLine(line);
    }

    /// <summary>Kills the process tree if it is still running.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.Dispose();
        _pipesClosed.Dispose();
    }
}
