using System.Diagnostics;
using System.Text;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>A network sample's user side running in-process: started on a thread inside a network namespace (so it looks up
/// and attaches to that namespace's interface before its first await), writing to captured output and error text, stopped by
/// cancellation. Dispose stops it if a test failed first.</summary>
sealed class NamespacedSampleRun : IDisposable
{
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(15);
    readonly StringBuilder _output = new();
    readonly StringBuilder _error = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task<int> _run;

    NamespacedSampleRun(string networkNamespace, Func<TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        var output = new LockedWriter(_output);
        var error = new LockedWriter(_error);
        _run = NetworkNamespacePair.RunIn(networkNamespace, () => run(output, error, _stop.Token));
    }

    /// <summary>Starts <paramref name="run"/> (a sample's <c>RunAsync</c> with its options bound) inside
    /// <paramref name="networkNamespace"/>.</summary>
    public static NamespacedSampleRun Start(string networkNamespace, Func<TextWriter, TextWriter, CancellationToken, Task<int>> run) =>
        new(networkNamespace, run);

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
                throw new InvalidOperationException($"the sample ended (exit code {ExitCode()}) before {what}; output:\n{Output}\nerrors:\n{Error}");
            if (elapsed.Elapsed > (limit ?? TimeSpan.FromSeconds(10)))
                throw new TimeoutException($"no {what} within {elapsed.Elapsed.TotalSeconds:0.0} s; output:\n{Output}\nerrors:\n{Error}");
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

    int ExitCode() => _run.IsCompletedSuccessfully ? _run.Result : -1;

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
