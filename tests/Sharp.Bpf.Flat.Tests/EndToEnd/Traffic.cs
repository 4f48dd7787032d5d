using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>Bounded traffic from namespace A to servers in namespace B, recording what the clients themselves saw.</summary>
static class Traffic
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>One client's view of a request: its source port and how long the call took.</summary>
    public sealed record ClientExchange(ushort LocalPort, TimeSpan Elapsed);

    /// <summary>Opens <paramref name="count"/> TCP connections from A to a listener on <paramref name="server"/> in B,
    /// each from a new socket, timing each <c>Connect</c>.</summary>
    public static List<ClientExchange> TcpConnections(NetworkNamespacePair pair, IPAddress server, int count)
    {
        using var listener = pair.BoundSocketInB(new IPEndPoint(server, 0), SocketType.Stream, ProtocolType.Tcp);
        listener.Listen(count);
        return TcpConnections(pair, (IPEndPoint)listener.LocalEndPoint!, count);
    }

    /// <summary>As above, to a listener that already exists at <paramref name="server"/>.</summary>
    public static List<ClientExchange> TcpConnections(NetworkNamespacePair pair, IPEndPoint server, int count)
    {
        var exchanges = new List<ClientExchange>();
        for (var i = 0; i < count; i++)
        {
            using var client = pair.SocketInA(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var clock = Stopwatch.StartNew();
            client.Connect(server);
            var elapsed = clock.Elapsed;
            exchanges.Add(new(LocalPort(client), elapsed));
        }
        return exchanges;
    }

    /// <summary>Sends <paramref name="count"/> UDP requests from A, each from a new socket, to a responder on
    /// <paramref name="server"/> in B that waits <paramref name="delay"/> before echoing each one; waits for every answer.</summary>
    /// <returns>The clients' exchanges, and the responder's port.</returns>
    public static (List<ClientExchange> Exchanges, ushort ServerPort) UdpExchanges(NetworkNamespacePair pair, IPAddress server, int count, TimeSpan delay)
    {
        using var responder = pair.BoundSocketInB(new IPEndPoint(server, 0), SocketType.Dgram, ProtocolType.Udp);
        responder.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
        Exception? responderFailure = null;
        var serving = new Thread(() =>
        {
            var buffer = new byte[64];
            EndPoint from = new IPEndPoint(server.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
            try
            {
                RunAsRealTime();
                for (var i = 0; i < count; i++)
                {
                    int length = responder.ReceiveFrom(buffer, ref from);
                    Thread.Sleep(delay);
                    responder.SendTo(buffer.AsSpan(0, length), from);
                }
            }
            catch (Exception e) when (e is SocketException or InvalidOperationException)
            {
                responderFailure = e;
            }
        }) { IsBackground = true };
        serving.Start();

        var exchanges = new List<ClientExchange>();
        var endpoint = (IPEndPoint)responder.LocalEndPoint!;
        for (var i = 0; i < count; i++)
        {
            using var client = pair.SocketInA(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            client.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
            client.Connect(endpoint);
            var clock = Stopwatch.StartNew();
            client.Send("ping"u8);
            client.Receive(new byte[64]);
            exchanges.Add(new(LocalPort(client), clock.Elapsed));
        }
        Assert.True(serving.Join(Timeout), "the UDP responder did not finish");
        Assert.Null(responderFailure);
        return (exchanges, (ushort)endpoint.Port);
    }

    /// <summary>Puts the calling thread under SCHED_FIFO, so that on a busy machine the responder answers when its delay
    /// ends rather than when the scheduler next gets to it: the test checks flat's latency against that delay.</summary>
    static void RunAsRealTime()
    {
        const int SchedFifo = 1;
        var priority = 10;
        if (sched_setscheduler(0, SchedFifo, ref priority) != 0)
            throw new InvalidOperationException($"sched_setscheduler(SCHED_FIFO) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int sched_setscheduler(int pid, int policy, ref int priority);

    static ushort LocalPort(Socket socket) => (ushort)((IPEndPoint)socket.LocalEndPoint!).Port;
}
