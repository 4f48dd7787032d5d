using System.Globalization;
using System.Net.Sockets;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary>The user side: opens a <see cref="DnsCapture"/> and prints one line per DNS packet, decoded in managed code:
/// time, source → destination, query or response, id, question name and type.</summary>
public static class DnsSnoopApp
{
    /// <summary>Exit code when the capture could not start (not root, no such interface, kernel refusal).</summary>
    public const int Failure = 1;

    /// <summary>Prints DNS packets until <paramref name="cancellationToken"/> is cancelled, <see cref="DnsSnoopOptions.Count"/>
    /// packets were printed or <see cref="DnsSnoopOptions.Duration"/> passed. Opens the capture before the first await, on
    /// the calling thread, so the interface is that thread's network namespace's.</summary>
    /// <remarks>Minimum kernel: Linux 4.5. Needs root (CAP_BPF and CAP_NET_RAW).</remarks>
    /// <returns>0, or <see cref="Failure"/> after printing the reason to <paramref name="error"/>.</returns>
    public static async Task<int> RunAsync(DnsSnoopOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            error.WriteLine("socket-filter-dns: needs root (CAP_BPF and CAP_NET_RAW); run it with sudo");
            return Failure;
        }
        DnsCapture capture;
        try
        {
            capture = DnsCapture.Open(options.InterfaceName);
        }
        catch (Exception exception) when (exception is NetworkInterfaceNotFoundException or BpfException or SocketException)
        {
            error.WriteLine($"socket-filter-dns: capturing on {options.InterfaceName} failed: {exception.Message}");
            return Failure;
        }
        using (capture)
        {
            output.WriteLine($"printing DNS over UDP on {options.InterfaceName} ({capture.Attachment}); Ctrl+C to stop");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Duration is { } duration) stop.CancelAfter(duration);
            int printed = await PrintUntilStoppedAsync(capture, options.Count, output, stop.Token);
            output.WriteLine($"{printed} DNS packets");
        }
        return 0;
    }

    static async Task<int> PrintUntilStoppedAsync(DnsCapture capture, int? count, TextWriter output, CancellationToken stop)
    {
        // Jumbo frames up to 9000 bytes fit; a longer frame arrives truncated and decodes as far as it goes.
        var buffer = new byte[9216];
        int printed = 0;
        try
        {
            while (count is not { } limit || printed < limit)
            {
                int length = await capture.ReceiveAsync(buffer, stop);
                var time = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
                output.WriteLine(DnsPacket.TryDecode(buffer.AsSpan(0, length), out var packet, out var reason)
                    ? $"{time} {packet}"
                    : $"{time} undecodable {length}-byte frame: {reason}");
                printed++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return printed;
    }
}
