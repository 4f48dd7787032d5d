using System.Diagnostics;

namespace Sharp.Bpf.Bench.Flat;

/// <summary>Builds Flat/native/flat_equivalent.c with clang-19 -O2 (the options the code-quality benchmark uses): flat's
/// probe in C, or with <c>FLAT_SEND_EVERYTHING</c> the original design that sends every SYN, SYN/ACK and UDP datagram to
/// user space.</summary>
internal static class FlatEquivalentObject
{
    /// <summary>Compiles the C probe into <paramref name="directory"/> and returns the object's path.</summary>
    /// <exception cref="InvalidOperationException">clang-19 is missing or failed.</exception>
    public static string Compile(string directory, bool sendEverything)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Flat", "native", "flat_equivalent.c");
        var obj = Path.Combine(directory, sendEverything ? "flat_send_everything.o" : "flat_equivalent.o");
        var start = new ProcessStartInfo("clang-19") { RedirectStandardError = true, RedirectStandardOutput = true };
        string[] arguments = ["-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", obj];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (sendEverything) start.ArgumentList.Add("-DFLAT_SEND_EVERYTHING");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start clang-19");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"clang-19 failed on {source} ({process.ExitCode}): {stderr.Result}");
        return obj;
    }
}
