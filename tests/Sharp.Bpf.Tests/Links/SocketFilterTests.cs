using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>SocketFilter.Attach runs a socket filter on every datagram queued to one socket, until disposed.</summary>
public sealed class SocketFilterTests
{
    // Slots of the 'datagrams' array in socket_datagram_filter.c.
    const uint Seen = 0, Dropped = 1;
    static readonly byte[] Short = "k"u8.ToArray();
    static readonly byte[] Long = new byte[100];

    [Fact]
    public void The_filter_counts_every_datagram_and_drops_the_long_ones()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("socket_datagram_filter.c");
        var program = bpf.Load("drop_long_datagrams");
        var counts = new ArrayMap<ulong>(bpf.Map("datagrams"));
        using var receiver = BoundReceiver();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        using (SocketFilter.Attach(receiver, program))
        {
            // Loopback delivers in order, so once the last short datagram arrives every long one was filtered already.
            foreach (var payload in new[] { Short, Long, Short, Long, Long, Short })
                sender.SendTo(payload, receiver.LocalEndPoint!);
            Assert.Equal([1, 1, 1], Receive(receiver, 3));
        }

        Assert.Equal(6ul, counts.Lookup(Seen));
        Assert.Equal(3ul, counts.Lookup(Dropped));
    }

    [Fact]
    public void After_dispose_the_socket_receives_everything_again()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("socket_datagram_filter.c");
        var program = bpf.Load("drop_long_datagrams");
        var counts = new ArrayMap<ulong>(bpf.Map("datagrams"));
        using var receiver = BoundReceiver();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        SocketFilter.Attach(receiver, program).Dispose();
        sender.SendTo(Long, receiver.LocalEndPoint!);

        Assert.Equal([Long.Length], Receive(receiver, 1));
        Assert.Equal(0ul, counts.Lookup(Seen));
    }

    [Fact]
    public void Disposing_after_the_socket_was_closed_does_nothing()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("socket_datagram_filter.c");
        var program = bpf.Load("drop_long_datagrams");
        var receiver = BoundReceiver();

        var link = SocketFilter.Attach(receiver, program);
        receiver.Dispose();
        link.Dispose();

        Assert.True(link.IsDisposed);
    }

    [Fact]
    public void A_program_of_another_type_is_refused_with_the_type_it_needs()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_packet_counter.c");
        var program = bpf.Load("count_egress");
        using var receiver = BoundReceiver();

        var error = Assert.Throws<ArgumentException>(() => SocketFilter.Attach(receiver, program));

        Assert.Contains("SocketFilter programs", error.Message);
    }

    static Socket BoundReceiver()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    static int[] Receive(Socket socket, int count)
    {
        var buffer = new byte[2048];
        return Enumerable.Range(0, count).Select(_ => socket.Receive(buffer)).ToArray();
    }
}
