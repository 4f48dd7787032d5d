using Sharp.Bpf.Elf;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Links;
using Sharp.Bpf.RingBuf;

namespace Sharp.Bpf.Flat.Probe;

/// <summary>flat's probe loaded and attached: the collection with <see cref="FlatProbe.Filter"/> set, the
/// <c>Ingress</c> and <c>Egress</c> programs attached at tc ingress and egress of one interface (TCX where the kernel has
/// it, netlink clsact otherwise), a reader of <c>Measurements</c> and the per-CPU <c>Drops</c> counter. Dispose to detach
/// and close everything.</summary>
/// <remarks>Minimum kernel: 5.8 (ring buffer); TCX from 6.6. Needs CAP_BPF and CAP_NET_ADMIN (root).</remarks>
internal sealed class FlatSession : IDisposable
{
    readonly Collection _collection;
    readonly Link[] _links;
    readonly RingBufferReader _reader;
    readonly PerCpuArrayMap<ulong> _drops;

    FlatSession(Collection collection, Link[] links, RingBufferReader reader, PerCpuArrayMap<ulong> drops)
    {
        _collection = collection;
        _links = links;
        _reader = reader;
        _drops = drops;
    }

    /// <summary>How the programs are attached, e.g. "TCX ingress link of program 'Ingress' on eth0", one per link.</summary>
    public IReadOnlyList<string> Attachments => _links.Select(link => link.Description).ToArray();

    /// <summary>Loads <paramref name="spec"/> (flat's probe object) with <paramref name="filter"/> and attaches it to
    /// <paramref name="interfaceName"/> by <paramref name="attach"/>. When any step fails, everything done so far is undone
    /// before the exception leaves.</summary>
    /// <exception cref="KeyNotFoundException">The object lacks the <c>Filter</c> global, a program or a map flat needs.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected a program.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel lacks a feature the probe needs.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">The interface does not exist.</exception>
    /// <exception cref="InvalidOperationException">Netlink attach: the interface has an <c>ingress</c> qdisc in the way.</exception>
    /// <exception cref="NetlinkException">Netlink attach: the kernel refused, e.g. EEXIST when another filter holds priority 1,
    /// handle 1 of a hook.</exception>
    /// <exception cref="BpfException">The kernel refused a map, program or attachment.</exception>
    public static FlatSession Start(CollectionSpec spec, FlowFilter filter, string interfaceName, TcAttachMethod attach = TcAttachMethod.Auto)
    {
        var options = new TcAttachOptions { Method = attach };
        return Start(spec, filter, (program, direction) => Tc.Attach(program, interfaceName, direction, options));
    }

    /// <summary>Loads <paramref name="spec"/> with <paramref name="filter"/> and attaches <c>Ingress</c>, then
    /// <c>Egress</c>, with <paramref name="attach"/>; undoes everything done so far when a step fails. Tests make the egress
    /// attach fail through it, to see that the ingress link does not stay.</summary>
    internal static FlatSession Start(CollectionSpec spec, FlowFilter filter, Func<Program, TcDirection, Link> attach)
    {
        var collection = Collection.Load(spec.WithGlobal(nameof(FlatProbe.Filter), filter));
        var links = new List<Link>();
        RingBufferReader? reader = null;
        try
        {
            var drops = new PerCpuArrayMap<ulong>(collection.GetMap(nameof(FlatProbe.Drops)));
            reader = new RingBufferReader(new RingBufferMap(collection.GetMap(nameof(FlatProbe.Measurements))));
            links.Add(attach(collection.GetProgram(nameof(FlatProbe.Ingress)), TcDirection.Ingress));
            links.Add(attach(collection.GetProgram(nameof(FlatProbe.Egress)), TcDirection.Egress));
            return new FlatSession(collection, [.. links], reader, drops);
        }
        catch
        {
            foreach (var link in links) link.Dispose();
            reader?.Dispose();
            collection.Dispose();
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for measurements and hands each to <paramref name="handler"/>.</summary>
    /// <returns>How many were delivered.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before any arrived.</exception>
    public int Poll(Action<FlowMeasurement> handler, TimeSpan timeout, CancellationToken cancellationToken) =>
        _reader.Poll(handler, timeout, cancellationToken);

    /// <summary>Measurements lost so far because the ring buffer was full, summed over CPUs.</summary>
    public ulong Drops()
    {
        ulong total = 0;
        foreach (var perCpu in _drops.Lookup(0)) total += perCpu;
        return total;
    }

    /// <summary>Detaches both programs, then closes the reader and the collection.</summary>
    public void Dispose()
    {
        foreach (var link in _links) link.Dispose();
        _reader.Dispose();
        _collection.Dispose();
    }
}
