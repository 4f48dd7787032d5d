using System.Threading.Channels;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>A text reader whose lines the test supplies while a sample reads them, as a user types commands on stdin;
/// reads wait for the next line and honour cancellation.</summary>
sealed class LineFeed : TextReader
{
    readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    /// <summary>Makes <paramref name="line"/> the next line read.</summary>
    public void Send(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Ends the input: the read after the last line returns null.</summary>
    public void End() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line) ? line : null;

    public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
