using Sharp.Bpf.Links;
using Sharp.Bpf.Samples.TcPortFirewall.Kernel;

namespace Sharp.Bpf.Samples.TcPortFirewall;

/// <summary><see cref="PortFirewallProbe"/> loaded and attached at tc ingress of one interface (TCX where the kernel has
/// it, a netlink clsact filter otherwise), with its maps behind one lock: commands and reports come from different tasks,
/// and none may touch a map after <see cref="Dispose"/> closed it.</summary>
public sealed class FirewallSession : IDisposable
{
    readonly Lock _lock = new();
    readonly PortFirewallProbe.Loaded _probe;
    readonly Link _link;
    bool _disposed;

    FirewallSession(PortFirewallProbe.Loaded probe, Link link)
    {
        _probe = probe;
        _link = link;
    }

    /// <summary>How the program is attached, e.g. "TCX ingress link of program 'FilterIngress' on eth0".</summary>
    public string Attachment => _link.Description;

    /// <summary>Loads the probe, blocks <paramref name="initialBlocks"/>, and attaches it to <paramref name="interfaceName"/>
    /// in the calling thread's network namespace; on failure closes what it opened.</summary>
    /// <remarks>Minimum kernel: Linux 4.5 (clsact); TCX from 6.6. Needs root (CAP_BPF, CAP_NET_ADMIN).</remarks>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name.</exception>
    /// <exception cref="InvalidOperationException">Netlink attach: the interface has an <c>ingress</c> qdisc in the way.</exception>
    /// <exception cref="BpfException">The kernel refused the maps, the program or the attachment.</exception>
    public static FirewallSession Start(string interfaceName, IEnumerable<ushort> initialBlocks)
    {
        var probe = PortFirewallProbe.Load();
        try
        {
            foreach (var port in initialBlocks) probe.BlockedPorts.Update(port, 1);
            return new FirewallSession(probe, probe.FilterIngress.Attach(interfaceName, TcDirection.Ingress));
        }
        catch
        {
            probe.Dispose();
            throw;
        }
    }

    /// <summary>Blocks <paramref name="port"/>: packets to it are dropped from the next one on.</summary>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    public void Block(ushort port)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _probe.BlockedPorts.Update(port, 1);
        }
    }

    /// <summary>Unblocks <paramref name="port"/>; its drop count stays.</summary>
    /// <returns>Whether it was blocked.</returns>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    public bool Unblock(ushort port)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _probe.BlockedPorts.TryDelete(port);
        }
    }

    /// <summary>The blocked ports, ascending.</summary>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    public IReadOnlyList<ushort> BlockedPorts()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return [.. _probe.BlockedPorts.Keys.Order()];
        }
    }

    /// <summary>Packets dropped so far per port (summed over CPUs), ascending by port.</summary>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    public IReadOnlyList<KeyValuePair<ushort, ulong>> Drops()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var drops = new SortedDictionary<ushort, ulong>();
            foreach (var port in _probe.DroppedPackets.Keys.ToList())
            {
                var perCpu = new ulong[_probe.DroppedPackets.CpuCount];
                // A port whose entry vanished between listing and lookup has no drops to show.
                if (!_probe.DroppedPackets.TryLookup(port, perCpu)) continue;
                ulong total = 0;
                foreach (var count in perCpu) total += count;
                drops[port] = total;
            }
            return [.. drops];
        }
    }

    /// <summary>Detaches the program and closes the maps.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _link.Dispose();
            _probe.Dispose();
        }
    }
}
