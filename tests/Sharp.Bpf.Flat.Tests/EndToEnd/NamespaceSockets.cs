using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>Sockets created inside the namespaces of a <see cref="NetworkNamespacePair"/> (a socket stays in the namespace
/// it was created in, whichever thread uses it later).</summary>
static class NamespaceSockets
{
    /// <summary>Creates a socket in namespace A (the clients' side, where flat measures).</summary>
    public static Socket SocketInA(this NetworkNamespacePair pair, AddressFamily family, SocketType type, ProtocolType protocol) =>
        pair.RunInA(() => new Socket(family, type, protocol));

    /// <summary>Creates a socket in namespace B bound to <paramref name="endpoint"/> (port 0: an ephemeral port).</summary>
    public static Socket BoundSocketInB(this NetworkNamespacePair pair, IPEndPoint endpoint, SocketType type, ProtocolType protocol) =>
        pair.RunInB(() =>
        {
            var socket = new Socket(endpoint.AddressFamily, type, protocol);
            socket.Bind(endpoint);
            return socket;
        });
}
