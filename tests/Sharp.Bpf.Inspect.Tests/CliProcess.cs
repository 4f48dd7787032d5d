using System.Diagnostics;

namespace Sharp.Bpf.Inspect.Tests;

/// <summary>Runs the built <c>sharp-bpf</c> as a separate process, as a user would.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string stdin, params string[] args) => Run(new ProcessStartInfo("dotnet"), stdin, args);

    /// <summary>Runs the tool as user and group nobody with no capabilities (through <c>setpriv</c>), to see how it reports EPERM.</summary>
    public static Result RunUnprivileged(params string[] args)
    {
        var start = new ProcessStartInfo("setpriv");
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "dotnet" })
            start.ArgumentList.Add(arg);
        return Run(start, "", args);
    }

    static Result Run(ProcessStartInfo start, string stdin, string[] args)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sharp-bpf.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sharp-bpf {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new(process.ExitCode, stdout.Result, stderr.Result);
    }
}
