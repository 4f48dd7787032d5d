using System.Diagnostics;
using System.Text;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>A tracing sample's user side (exec-snoop, uprobe-latency, cgroup-egress-bytes) running in-process: its
/// <c>RunAsync</c> writing to captured text, stopped by cancellation. Dispose stops it if a test failed first.</summary>
sealed class TracingSampleRun : IDisposable
{
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(15);
    readonly StringBuilder _output = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task<int> _run;

    TracingSampleRun(Func<TextWriter, CancellationToken, Task<int>> run) => _run = run(new LockedWriter(_output), _stop.Token);

    /// <summary>Starts <paramref name="run"/>: a sample's <c>RunAsync</c> with its options bound.</summary>
    public static TracingSampleRun Start(Func<TextWriter, CancellationToken, Task<int>> run) => new(run);

    /// <summary>Everything the sample printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Waits until the output satisfies <paramref name="condition"/>, or fails with the output so far.</summary>
    public void WaitForOutput(Func<string, bool> condition, string what, TimeSpan? limit = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition(Output))
        {
            if (_run.IsCompleted)
                throw new InvalidOperationException($"the sample ended (exit code {(_run.IsCompletedSuccessfully ? _run.Result : -1)}) before {what}; output:\n{Output}");
            if (elapsed.Elapsed > (limit ?? TimeSpan.FromSeconds(30)))
                throw new TimeoutException($"no {what} within {elapsed.Elapsed.TotalSeconds:0.0} s; output:\n{Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Cancels the sample and waits for it to detach and return.</summary>
    /// <returns>Its exit code.</returns>
    public int Stop()
    {
        _stop.Cancel();
        if (!_run.Wait(StopLimit)) throw new TimeoutException($"the sample did not stop within {StopLimit.TotalSeconds} s; output:\n{Output}");
        return _run.Result;
    }

    /// <summary>Waits for the sample to end by itself (its duration).</summary>
    /// <returns>Its exit code.</returns>
    public int WaitForExit(TimeSpan limit)
    {
        if (!_run.Wait(limit)) throw new TimeoutException($"the sample did not end within {limit.TotalSeconds} s; output:\n{Output}");
        return _run.Result;
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
