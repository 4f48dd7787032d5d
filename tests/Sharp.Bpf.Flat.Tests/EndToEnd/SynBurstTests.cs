using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>A burst of 20,000 SYNs to a listener (which answers each with a SYN/ACK, with SYN cookies once its queue is
/// full) while flat does not read: every SYN/ACK that reached namespace A is either delivered or counted as a ring-buffer
/// drop, flat's memory stays bounded, and it goes on measuring afterwards.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SynBurstTests(ITestOutputHelper output)
{
    const int Syns = 20_000;
    const int RequiredSyns = 10_000;
    static readonly TimeSpan BurstLimit = TimeSpan.FromSeconds(5);
    const ushort FirstSourcePort = 10_000;
    const ushort ListenerPort = 9000;
    const long WorkingSetGrowthLimit = 64L << 20;

    [Fact]
    public void Every_measurement_of_a_syn_burst_is_delivered_or_counted_as_dropped_and_flat_keeps_measuring()
    {
        Privileged.RequireRoot();
        using var flat = FlatOnVeth.Start();
        var server = new IPEndPoint(flat.Pair.AddressB, ListenerPort);
        using var listener = flat.Pair.BoundSocketInB(server, SocketType.Stream, ProtocolType.Tcp);
        listener.Listen(16);
        var workingSetBefore = WorkingSet();
        var segmentsBefore = TcpSegmentsReceived(flat);

        var burst = Stopwatch.StartNew();
        var sent = SynBurst.Send(flat.Pair, flat.Pair.AddressA, FirstSourcePort, server, Syns, BurstLimit);
        var burstTime = burst.Elapsed;
        // Reads until the ring stays empty for a while: by then every SYN/ACK has passed the hook.
        var received = flat.Collect(0, TimeSpan.FromSeconds(10)).Count(m => m.Flow.SourcePort >= FirstSourcePort && m.Flow.SourcePort < FirstSourcePort + sent);
        var synAcks = TcpSegmentsReceived(flat) - segmentsBefore;
        var drops = flat.Drops();
        var workingSetGrowth = WorkingSet() - workingSetBefore;
        output.WriteLine($"sent {sent} SYNs in {burstTime.TotalMilliseconds:0} ms; namespace A received {synAcks} SYN/ACKs; flat delivered {received}, reported {drops} dropped; working set grew {workingSetGrowth / 1024} KiB");

        var afterwards = Traffic.TcpConnections(flat.Pair, server, 1).Single();
        var measuredAfterwards = flat.Collect(1, TimeSpan.FromSeconds(10));
        flat.Detach();

        Assert.True(sent >= RequiredSyns, $"only {sent} SYNs went out within {BurstLimit.TotalSeconds} s");
        Assert.Equal(synAcks, (ulong)received + drops);
        Assert.InRange(workingSetGrowth, long.MinValue, WorkingSetGrowthLimit);
        Assert.Equal([afterwards.LocalPort], measuredAfterwards.Select(m => m.Flow.SourcePort));
    }

    static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Tcp InSegs of namespace A (<c>/proc/thread-self/net/snmp</c> read from a thread inside it): every TCP
    /// segment that passed flat's ingress hook and reached TCP.</summary>
    static ulong TcpSegmentsReceived(FlatOnVeth flat) => flat.Pair.RunInA(() =>
    {
        var lines = File.ReadAllLines("/proc/thread-self/net/snmp").Where(line => line.StartsWith("Tcp:", StringComparison.Ordinal)).ToArray();
        var column = Array.IndexOf(lines[0].Split(' '), "InSegs");
        return ulong.Parse(lines[1].Split(' ')[column], System.Globalization.CultureInfo.InvariantCulture);
    });
}
