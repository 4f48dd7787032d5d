using System.Diagnostics;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Probe;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>Two namespaces joined by a veth pair (IPv4 and IPv6), with flat's session loaded and attached to the veth end
/// in namespace A, where the clients run; servers run in namespace B. <see cref="Detach"/> checks that nothing stays on the
/// interface; Dispose detaches (if a test failed first) and deletes the namespaces.</summary>
sealed class FlatOnVeth : IDisposable
{
    static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);
    readonly FlatSession _session;
    bool _detached;

    FlatOnVeth(NetworkNamespacePair pair, FlatSession session)
    {
        Pair = pair;
        _session = session;
    }

    public NetworkNamespacePair Pair { get; }

    /// <summary>Creates the namespaces and starts flat, unfiltered, on <see cref="NetworkNamespacePair.InterfaceA"/>.</summary>
    public static FlatOnVeth Start() => Start(_ => default);

    /// <summary>Creates the namespaces and starts flat on <see cref="NetworkNamespacePair.InterfaceA"/> with the filter
    /// <paramref name="filter"/> makes for them; on failure deletes what it created.</summary>
    public static FlatOnVeth Start(Func<NetworkNamespacePair, FlowFilter> filter)
    {
        var pair = new NetworkNamespacePair();
        try
        {
            pair.AddIpv6Addresses();
            var spec = ProbeObject.Read();
            return new FlatOnVeth(pair, pair.RunInA(() => FlatSession.Start(spec, filter(pair), pair.InterfaceA)));
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    /// <summary>Measurements lost to a full ring buffer so far.</summary>
    public ulong Drops() => _session.Drops();

    /// <summary>Reads measurements until <paramref name="expected"/> arrived or <paramref name="limit"/> passed, then until
    /// none arrives for a quiet period, so duplicates and extras are seen too.</summary>
    public List<FlowMeasurement> Collect(int expected, TimeSpan limit)
    {
        var received = new List<FlowMeasurement>();
        var elapsed = Stopwatch.StartNew();
        while (received.Count < expected && elapsed.Elapsed < limit)
            _session.Poll(received.Add, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        while (elapsed.Elapsed < limit + QuietPeriod && _session.Poll(received.Add, QuietPeriod, CancellationToken.None) > 0) { }
        return received;
    }

    /// <summary>Checks flat's two programs are attached (on the TCX hooks, or under a clsact qdisc where the kernel has no
    /// TCX), detaches, and checks that no program and no clsact qdisc stays on the interface.</summary>
    public void Detach()
    {
        var viaTcx = _session.Attachments.All(attachment => attachment.StartsWith("TCX ", StringComparison.OrdinalIgnoreCase));
        if (viaTcx) Assert.Equal((1u, 1u), TcHooks.TcxPrograms(Pair.NamespaceA, Pair.InterfaceA));
        else Assert.Contains("clsact", TcHooks.Qdiscs(Pair.NamespaceA, Pair.InterfaceA));
        DetachSession();
        if (viaTcx) Assert.Equal((0u, 0u), TcHooks.TcxPrograms(Pair.NamespaceA, Pair.InterfaceA));
        Assert.DoesNotContain("clsact", TcHooks.Qdiscs(Pair.NamespaceA, Pair.InterfaceA));
    }

    void DetachSession()
    {
        if (_detached) return;
        _detached = true;
        Pair.RunInA(() =>
        {
            _session.Dispose();
            return 0;
        });
    }

    /// <summary>Detaches if <see cref="Detach"/> did not run, deletes the namespaces and checks they are gone.</summary>
    public void Dispose()
    {
        try
        {
            DetachSession();
        }
        finally
        {
            Pair.Dispose();
        }
        Assert.False(File.Exists($"/run/netns/{Pair.NamespaceA}") || File.Exists($"/run/netns/{Pair.NamespaceB}"), "a namespace outlived the test");
    }
}
