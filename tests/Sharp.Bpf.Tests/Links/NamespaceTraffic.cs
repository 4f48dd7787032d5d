using System.Net;
using System.Net.Sockets;
using System.Text;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Real, bounded traffic from namespace A to namespace B on the ports packet_counter.c counts. Sockets are
/// created on threads inside the namespaces; every wait has a timeout, so a lost packet fails instead of hanging.</summary>
static class NamespaceTraffic
{
    public const int UdpPort = 40000;
    public const int TcpPort = 40001;
    public const int Datagrams = 20;
    const int TimeoutMilliseconds = 5000;

    /// <summary>Sends <see cref="Datagrams"/> UDP datagrams from A to B, each received before the next is sent.</summary>
    public static void SendUdp(NetworkNamespacePair pair)
    {
        using var receiver = pair.RunInB(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(pair.AddressB, UdpPort));
            return socket;
        });
        using var sender = pair.RunInA(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        receiver.ReceiveTimeout = TimeoutMilliseconds;
        var buffer = new byte[64];
        for (int i = 0; i < Datagrams; i++)
        {
            sender.SendTo(Encoding.ASCII.GetBytes($"datagram {i}"), new IPEndPoint(pair.AddressB, UdpPort));
            receiver.Receive(buffer);
        }
    }

    /// <summary>Opens one TCP connection from A to B, exchanges a few bytes each way and closes it.</summary>
    public static void ExchangeTcp(NetworkNamespacePair pair)
    {
        using var listener = pair.RunInB(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(pair.AddressB, TcpPort));
            socket.Listen();
            return socket;
        });
        using var client = pair.RunInA(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        client.ReceiveTimeout = client.SendTimeout = TimeoutMilliseconds;
        if (!client.ConnectAsync(pair.AddressB, TcpPort).Wait(TimeoutMilliseconds))
            throw new TimeoutException($"TCP connect to {pair.AddressB}:{TcpPort} timed out");
        var accepting = listener.AcceptAsync();
        if (!accepting.Wait(TimeoutMilliseconds)) throw new TimeoutException("TCP accept timed out");
        using var server = accepting.Result;
        server.ReceiveTimeout = TimeoutMilliseconds;
        var buffer = new byte[5];
        client.Send("hello"u8);
        ReceiveExactly(server, buffer);
        server.Send("world"u8);
        ReceiveExactly(client, buffer);
        client.Shutdown(SocketShutdown.Both);
        server.Shutdown(SocketShutdown.Both);
    }

    static void ReceiveExactly(Socket socket, byte[] buffer)
    {
        int received = 0;
        while (received < buffer.Length)
        {
            int n = socket.Receive(buffer, received, buffer.Length - received, SocketFlags.None);
            if (n == 0) throw new IOException("connection closed early");
            received += n;
        }
    }
}
