using System.Diagnostics;
using System.Text;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>A sample's user side running in-process: its <c>RunAsync</c> writing to captured output and error text,
/// stopped by cancellation. Dispose stops it if a test failed first.</summary>
sealed class SampleRun : IDisposable
{
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(15);
    static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    readonly StringBuilder _output = new();
    readonly StringBuilder _error = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task<int> _run;

    SampleRun(Func<TextWriter, TextWriter, CancellationToken, Task<int>> run) =>
        _run = run(new LockedWriter(_output), new LockedWriter(_error), _stop.Token);

    /// <summary>Starts <paramref name="run"/>: a tracing sample's <c>RunAsync</c> (exec-snoop, uprobe-latency,
    /// cgroup-egress-bytes) with its options bound.</summary>
    public static SampleRun Start(Func<TextWriter, CancellationToken, Task<int>> run) =>
        new((output, _, stop) => run(output, stop));

    /// <summary>Starts <paramref name="run"/> (a network sample's <c>RunAsync</c> with its options bound) on a thread inside
    /// <paramref name="networkNamespace"/>, so it looks up and attaches to that namespace's interface before its first
    /// await.</summary>
    public static SampleRun StartIn(string networkNamespace, Func<TextWriter, TextWriter, CancellationToken, Task<int>> run) =>
        new((output, error, stop) => NetworkNamespacePair.RunIn(networkNamespace, () => run(output, error, stop)));

    /// <summary>Everything the sample printed to its output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Everything the sample printed to its error writer so far.</summary>
    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    /// <summary>Waits until the output satisfies <paramref name="condition"/>, or fails with the output so far.</summary>
    public void WaitForOutput(Func<string, bool> condition, string what, TimeSpan? limit = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition(Output))
        {
            if (_run.IsCompleted)
                throw new InvalidOperationException($"the sample ended (exit code {ExitCode()}) before {what}; {Printed()}");
            if (elapsed.Elapsed > (limit ?? WaitLimit))
                throw new TimeoutException($"no {what} within {elapsed.Elapsed.TotalSeconds:0.0} s; {Printed()}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Cancels the sample and waits for it to detach and return.</summary>
    /// <returns>Its exit code.</returns>
    public int Stop()
    {
        _stop.Cancel();
        if (!_run.Wait(StopLimit)) throw new TimeoutException($"the sample did not stop within {StopLimit.TotalSeconds} s; {Printed()}");
        return _run.Result;
    }

    /// <summary>Waits for the sample to end by itself (its duration).</summary>
    /// <returns>Its exit code.</returns>
    public int WaitForExit(TimeSpan limit)
    {
        if (!_run.Wait(limit)) throw new TimeoutException($"the sample did not end within {limit.TotalSeconds} s; {Printed()}");
        return _run.Result;
    }

    int ExitCode() => _run.IsCompletedSuccessfully ? _run.Result : -1;

    /// <summary>What a failure message shows of the sample's text: the error writer only when it holds something, since
    /// tracing samples have none.</summary>
    string Printed()
    {
        var error = Error;
        return error.Length == 0 ? $"output:\n{Output}" : $"output:\n{Output}\nerrors:\n{error}";
    }

    /// <summary>Stops the sample if it still runs.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _run.Wait(StopLimit);
        }
        catch (AggregateException)
        {
            // The test already failed or will report the sample's own failure; disposal must not hide it.
        }
        _stop.Dispose();
    }

    /// <summary>Appends to a string builder under the lock the readers take, since the sample writes from other threads.</summary>
    sealed class LockedWriter(StringBuilder builder) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (builder) builder.Append(value);
        }

        public override void Write(string? value)
        {
            lock (builder) builder.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (builder) builder.Append(buffer, index, count);
        }
    }
}
