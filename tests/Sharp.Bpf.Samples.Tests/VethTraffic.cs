using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>Bounded traffic between the two ends of a <see cref="NetworkNamespacePair"/>: datagrams sent and received with a
/// time limit, refused TCP connections, ICMP echoes. Every socket is created on a thread inside its namespace.</summary>
static class VethTraffic
{
    /// <summary>How long a receiver waits for traffic that should arrive.</summary>
    public static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(5);

    /// <summary>A UDP socket in namespace <paramref name="networkNamespace"/> bound to <paramref name="endpoint"/>.</summary>
    public static Socket UdpListener(string networkNamespace, IPEndPoint endpoint) =>
        NetworkNamespacePair.RunIn(networkNamespace, () =>
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(endpoint);
            return socket;
        });

    /// <summary>Sends <paramref name="count"/> datagrams of <paramref name="payload"/> from namespace
    /// <paramref name="networkNamespace"/> to <paramref name="destination"/>.</summary>
    public static void SendUdp(string networkNamespace, IPEndPoint destination, int count, byte[]? payload = null) =>
        NetworkNamespacePair.RunIn(networkNamespace, () =>
        {
            using var socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            for (int i = 0; i < count; i++) socket.SendTo(payload ?? [(byte)i], destination);
            return 0;
        });

    /// <summary>Receives datagrams on <paramref name="socket"/> until <paramref name="expected"/> arrived or the arrival
    /// limit passed, then for a short quiet period, so extra datagrams are counted too.</summary>
    /// <returns>How many arrived.</returns>
    public static int ReceiveUdp(Socket socket, int expected, TimeSpan? limit = null)
    {
        var buffer = new byte[2048];
        var elapsed = Stopwatch.StartNew();
        int received = 0;
        while (received < expected && elapsed.Elapsed < (limit ?? ArrivalLimit))
            if (socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead)) { socket.Receive(buffer); received++; }
        while (socket.Poll(TimeSpan.FromMilliseconds(300), SelectMode.SelectRead)) { socket.Receive(buffer); received++; }
        return received;
    }

    /// <summary>Opens <paramref name="count"/> TCP connections from namespace <paramref name="networkNamespace"/> to
    /// <paramref name="destination"/>, where nothing listens: each sends one SYN and is refused by an RST.</summary>
    public static void ConnectRefused(string networkNamespace, IPEndPoint destination, int count) =>
        NetworkNamespacePair.RunIn(networkNamespace, () =>
        {
            for (int i = 0; i < count; i++)
            {
                using var socket = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                var refused = Assert.Throws<SocketException>(() => socket.Connect(destination));
                Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
            }
            return 0;
        });

    /// <summary>Sends <paramref name="count"/> ICMP echo requests from namespace <paramref name="networkNamespace"/> to
    /// <paramref name="destination"/> over a raw socket and waits for their replies.</summary>
    /// <returns>How many replies arrived.</returns>
    public static int Ping(string networkNamespace, IPAddress destination, int count) =>
        NetworkNamespacePair.RunIn(networkNamespace, () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
            for (int i = 0; i < count; i++) socket.SendTo(EchoRequest((ushort)i), new IPEndPoint(destination, 0));
            var buffer = new byte[2048];
            var elapsed = Stopwatch.StartNew();
            int replies = 0;
            while (replies < count && elapsed.Elapsed < ArrivalLimit)
                if (socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
                {
                    int length = socket.Receive(buffer);
                    // A raw IPv4 socket receives the IP header too; type 0 is an echo reply.
                    int headerLength = (buffer[0] & 0x0F) * 4;
                    if (length > headerLength && buffer[headerLength] == 0) replies++;
                }
            return replies;
        });

    static byte[] EchoRequest(ushort sequence)
    {
        byte[] message = [8, 0, 0, 0, 0x53, 0x42, (byte)(sequence >> 8), (byte)sequence, 1, 2, 3, 4, 5, 6, 7, 8];
        uint sum = 0;
        for (int i = 0; i < message.Length; i += 2) sum += (uint)(message[i] << 8 | message[i + 1]);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        var checksum = (ushort)~sum;
        message[2] = (byte)(checksum >> 8);
        message[3] = (byte)checksum;
        return message;
    }
}
