using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Cgroup.Attach runs cgroup programs for the processes in a cgroup by link, until disposed.</summary>
public sealed class CgroupTests
{
    const int Datagrams = 7;

    [Fact]
    public void A_cgroup_skb_egress_program_counts_each_datagram_a_process_in_the_cgroup_sends()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_packet_counter.c");
        var program = bpf.Load("count_egress");
        var packets = new ArrayMap<ulong>(bpf.Map("egress_packets"));
        using var cgroup = TestCgroup.Create();
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;

        using (var link = Cgroup.Attach(program, cgroup.Path, AttachType.CgroupInetEgress))
        {
            Assert.Equal(LinkType.Cgroup, link.GetInfo().Type);
            cgroup.RunInside($"for i in $(seq {Datagrams}); do echo x > /dev/udp/127.0.0.1/{port}; done");
        }

        Assert.Equal((ulong)Datagrams, packets.Lookup(0));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Theory]
    [InlineData("count_socket_creation", AttachType.CgroupInetSockCreate, 0u)]
    [InlineData("count_ipv4_connect", AttachType.CgroupInet4Connect, 1u)]
    public void A_socket_hook_program_runs_once_per_socket_call_of_a_process_in_the_cgroup(string programName, AttachType hook, uint slot)
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_socket_hooks.c");
        var program = bpf.Load(programName);
        var calls = new ArrayMap<ulong>(bpf.Map("socket_calls"));
        using var cgroup = TestCgroup.Create();
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;

        // bash opens /dev/udp/host/port with socket(AF_INET) and connect() each time.
        using (Cgroup.Attach(program, cgroup.Path, hook))
            cgroup.RunInside($"for i in $(seq {Datagrams}); do echo x > /dev/udp/127.0.0.1/{port}; done");

        Assert.Equal((ulong)Datagrams, calls.Lookup(slot));
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }

    [Fact]
    public void Traffic_outside_the_cgroup_is_not_counted()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_packet_counter.c");
        var program = bpf.Load("count_egress");
        var packets = new ArrayMap<ulong>(bpf.Map("egress_packets"));
        using var cgroup = TestCgroup.Create();
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        using (Cgroup.Attach(program, cgroup.Path, AttachType.CgroupInetEgress))
            for (int i = 0; i < Datagrams; i++) sender.SendTo("x"u8, receiver.LocalEndPoint!);

        Assert.Equal(0ul, packets.Lookup(0));
    }

    [Fact]
    public void A_missing_cgroup_directory_is_named_in_the_error()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_packet_counter.c");
        var program = bpf.Load("count_egress");

        var error = Assert.Throws<DirectoryNotFoundException>(() => Cgroup.Attach(program, "/sys/fs/cgroup/sharp-bpf-no-such-cgroup", AttachType.CgroupInetEgress));

        Assert.Contains("/sys/fs/cgroup/sharp-bpf-no-such-cgroup", error.Message);
    }

    [Fact]
    public void A_hook_the_program_type_cannot_use_is_refused_with_advice()
    {
        Privileged.RequireRoot();
        using var bpf = LinkTestObject.Compile("cgroup_packet_counter.c");
        var program = bpf.Load("count_egress");
        using var cgroup = TestCgroup.Create();

        var error = Assert.Throws<BpfException>(() => Cgroup.Attach(program, cgroup.Path, AttachType.CgroupInet4Connect));

        Assert.Equal("EINVAL", error.ErrorName);
        Assert.Contains("cannot attach at CgroupInet4Connect", error.Message);
        Assert.Empty(KernelAttachments.LinksOf(program.Id));
    }
}
