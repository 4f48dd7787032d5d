using System.Diagnostics;
using System.Globalization;
using Sharp.Bpf.Links;
using Sharp.Bpf.Samples.XdpProtocolCounter.Kernel;

namespace Sharp.Bpf.Samples.XdpProtocolCounter;

/// <summary>The user side: loads <see cref="ProtocolCounterProbe"/>, attaches its XDP program to an interface, prints the
/// per-protocol packet totals and their change every interval, and the totals once more when it stops.</summary>
public static class ProtocolCounterApp
{
    /// <summary>Exit code when the program could not start (not root, no such interface, kernel refusal).</summary>
    public const int Failure = 1;

    /// <summary>Counts until <paramref name="cancellationToken"/> is cancelled or <see cref="ProtocolCounterOptions.Duration"/>
    /// passed, then detaches. The program is attached before the first await, on the calling thread, so the interface is
    /// looked up in the calling thread's network namespace.</summary>
    /// <remarks>Minimum kernel: Linux 4.8 (XDP by netlink; 5.9 for XDP links). Needs root (CAP_BPF, CAP_NET_ADMIN).</remarks>
    /// <returns>0, or <see cref="Failure"/> after printing the reason to <paramref name="error"/>.</returns>
    public static async Task<int> RunAsync(ProtocolCounterOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            error.WriteLine("xdp-protocol-counter: needs root (CAP_BPF and CAP_NET_ADMIN); run it with sudo");
            return Failure;
        }
        ProtocolCounterProbe.Loaded probe;
        Link link;
        try
        {
            probe = ProtocolCounterProbe.Load();
        }
        catch (BpfException exception)
        {
            error.WriteLine($"xdp-protocol-counter: loading the XDP program failed: {exception.Message}");
            return Failure;
        }
        try
        {
            link = probe.CountProtocol.Attach(options.InterfaceName, new XdpAttachOptions { Mode = options.Mode });
        }
        catch (Exception exception) when (exception is NetworkInterfaceNotFoundException or BpfException)
        {
            probe.Dispose();
            error.WriteLine($"xdp-protocol-counter: attaching to {options.InterfaceName} failed: {exception.Message}");
            return Failure;
        }
        using (probe)
        using (link)
        {
            output.WriteLine($"counting IP packets received on {options.InterfaceName} by protocol ({link.Description}); Ctrl+C to stop");
            output.WriteLine($"{"time",-8}  {"protocol",-12} {"packets",12} {"per second",12}");
            await ReportUntilStoppedAsync(probe.Packets, options, output, cancellationToken);
        }
        return 0;
    }

    static async Task ReportUntilStoppedAsync(PerCpuArrayMap<ulong> packets, ProtocolCounterOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration is { } duration) stop.CancelAfter(duration);
        var started = Stopwatch.StartNew();
        var previous = ProtocolCounts.Empty;
        var previousTime = started.Elapsed;
        using var timer = new PeriodicTimer(options.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var now = started.Elapsed;
                var current = ProtocolCounts.Read(packets);
                WriteInterval(output, previous, current, (now - previousTime).TotalSeconds);
                previous = current;
                previousTime = now;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        WriteTotals(output, ProtocolCounts.Read(packets), started.Elapsed);
    }

    /// <summary>One line per protocol seen so far: its total and how many arrived per second since the last line.</summary>
    internal static void WriteInterval(TextWriter output, ProtocolCounts previous, ProtocolCounts current, double seconds)
    {
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        bool any = false;
        foreach (var protocol in current.Seen)
        {
            any = true;
            var perSecond = (current[protocol] - previous[protocol]) / Math.Max(seconds, 0.001);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{time,-8}  {ProtocolNames.Of(protocol),-12} {current[protocol],12} {perSecond,12:0}"));
        }
        if (!any) output.WriteLine($"{time,-8}  (no IP packets yet)");
    }

    /// <summary>The final totals, one line per protocol seen: <c>total TCP 15</c>.</summary>
    internal static void WriteTotals(TextWriter output, ProtocolCounts totals, TimeSpan elapsed)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"totals after {elapsed.TotalSeconds:0.0} s:"));
        foreach (var protocol in totals.Seen)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {ProtocolNames.Of(protocol),-12} {totals[protocol],12}"));
    }
}
