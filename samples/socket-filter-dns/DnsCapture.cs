using System.Net.NetworkInformation;
using System.Net.Sockets;
using Sharp.Bpf.Links;
using Sharp.Bpf.Samples.SocketFilterDns.Kernel;

namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary><see cref="DnsFilterProbe"/> loaded and attached to a raw packet socket (AF_PACKET, SOCK_RAW) bound to one
/// interface, so the socket receives whole Ethernet frames of DNS packets, in both directions, and nothing else.</summary>
/// <remarks>The socket is created for protocol 0, which receives nothing; the filter is attached, and only then is the socket
/// bound for every protocol. So no frame reaches it unfiltered — with the filter attached after a bind for every protocol,
/// the frames queued in between would be read too.</remarks>
public sealed class DnsCapture : IDisposable
{
    readonly DnsFilterProbe.Loaded _probe;
    readonly Socket _socket;
    readonly Link _link;

    DnsCapture(DnsFilterProbe.Loaded probe, Socket socket, Link link)
    {
        _probe = probe;
        _socket = socket;
        _link = link;
    }

    /// <summary>How the filter is attached, e.g. "socket filter program 'KeepDns' on socket 42".</summary>
    public string Attachment => _link.Description;

    /// <summary>Loads the filter and opens the socket on <paramref name="interfaceName"/> in the calling thread's network
    /// namespace; on failure closes what it opened.</summary>
    /// <remarks>Minimum kernel: Linux 3.19 (SO_ATTACH_BPF); bpf_skb_load_bytes in socket filters 4.5. Needs root
    /// (CAP_BPF and CAP_NET_RAW).</remarks>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name.</exception>
    /// <exception cref="BpfException">The kernel refused the program or the attachment.</exception>
    /// <exception cref="SocketException">The kernel refused the packet socket.</exception>
    public static DnsCapture Open(string interfaceName)
    {
        int interfaceIndex = InterfaceIndex(interfaceName);
        var probe = DnsFilterProbe.Load();
        Socket? socket = null;
        Link? link = null;
        try
        {
            socket = new Socket(AddressFamily.Packet, SocketType.Raw, ProtocolType.Unspecified);
            link = probe.KeepDns.Attach(socket);
            socket.Bind(new PacketEndPoint(interfaceIndex, PacketEndPoint.AllProtocols));
            return new DnsCapture(probe, socket, link);
        }
        catch
        {
            link?.Dispose();
            socket?.Dispose();
            probe.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the next frame the filter kept and copies it into <paramref name="buffer"/>.</summary>
    /// <returns>The frame's length (at most the buffer's).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SocketException">The receive failed.</exception>
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    /// <summary>Detaches the filter, closes the socket and the program.</summary>
    public void Dispose()
    {
        _link.Dispose();
        _socket.Dispose();
        _probe.Dispose();
    }

    /// <summary>The index of <paramref name="name"/>, enumerated (by rtnetlink) in the calling thread's network namespace.</summary>
    static int InterfaceIndex(string name)
    {
        var interfaces = NetworkInterface.GetAllNetworkInterfaces();
        var found = interfaces.FirstOrDefault(candidate => candidate.Name == name)
            ?? throw new NetworkInterfaceNotFoundException(name, [.. interfaces.Select(candidate => candidate.Name)]);
        return found.GetIPProperties().GetIPv4Properties().Index;
    }
}
