using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Sharp.Bpf.Samples.CgroupEgressBytes;
using Sharp.Bpf.Samples.CgroupEgressBytes.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>cgroup-egress-bytes: its cgroup skb egress program counts the packets and bytes a cgroup's processes send, lets
/// them through, and the sample prints exactly what a process in the cgroup sent (over a veth pair between two fresh network
/// namespaces).</summary>
public sealed class CgroupEgressBytesTests
{
    const int Datagrams = 9;
    const int Payload = 100;
    /// <summary>What <c>skb->len</c> adds at the egress hook to a UDP payload over IPv4: the IPv4 header (20) and UDP header (8).</summary>
    const int Headers = 28;

    [Fact]
    public void Prints_the_packets_and_bytes_a_process_in_the_cgroup_sent()
    {
        Privileged.RequireRoot();
        var ip = Privileged.RequireTool("ip");
        using var cgroup = TestCgroup.Create();
        using var pair = new NetworkNamespacePair();
        using var receiver = Receiver(pair);
        int port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
        var options = new CgroupEgressBytesOptions(cgroup.Path, Interval: TimeSpan.FromMilliseconds(200));
        using var run = SampleRun.Start((output, token) => new CgroupEgressBytesApp().RunAsync(options, output, token));
        run.WaitForOutput(output => output.Contains("TOTAL BYTES"), "the header");

        // The child joins the cgroup, then the namespace (ip netns exec keeps the cgroup), and sends over the veth pair.
        cgroup.RunInside($"exec {ip} netns exec {pair.NamespaceA} bash -c 'for i in $(seq {Datagrams}); do printf \"%0{Payload}d\" 0 > /dev/udp/{pair.AddressB}/{port}; done'");
        Assert.Equal(Datagrams, ReceiveAll(receiver, Datagrams));
        run.WaitForOutput(output => IntervalPackets(output).Sum() == Datagrams, "interval lines adding up to every datagram");

        Assert.Equal(0, run.Stop());
        Assert.Contains($"total: {Datagrams} packets, {Datagrams * (Payload + Headers)} bytes", run.Output);
    }

    [Fact]
    public void Does_not_count_what_processes_outside_the_cgroup_send()
    {
        Privileged.RequireRoot();
        using var cgroup = TestCgroup.Create();
        using var pair = new NetworkNamespacePair();
        using var receiver = Receiver(pair);
        using var sender = pair.RunInA(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        using var run = SampleRun.Start((output, token) => new CgroupEgressBytesApp().RunAsync(new CgroupEgressBytesOptions(cgroup.Path), output, token));
        run.WaitForOutput(output => output.Contains("TOTAL BYTES"), "the header");

        for (int i = 0; i < Datagrams; i++) sender.SendTo(new byte[Payload], receiver.LocalEndPoint!);
        Assert.Equal(Datagrams, ReceiveAll(receiver, Datagrams));

        Assert.Equal(0, run.Stop());
        Assert.Contains("total: 0 packets, 0 bytes", run.Output);
    }

    [Fact]
    public void Ends_by_itself_after_the_duration()
    {
        Privileged.RequireRoot();
        using var cgroup = TestCgroup.Create();
        var options = new CgroupEgressBytesOptions(cgroup.Path, Duration: TimeSpan.FromMilliseconds(700), Interval: TimeSpan.FromMilliseconds(200));
        using var run = SampleRun.Start((output, token) => new CgroupEgressBytesApp().RunAsync(options, output, token));

        Assert.Equal(0, run.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Contains("total: 0 packets, 0 bytes", run.Output);
        Assert.NotEmpty(IntervalPackets(run.Output));
    }

    [Fact]
    public async Task A_missing_cgroup_is_reported_with_exit_code_1()
    {
        Privileged.RequireRoot();
        var missing = $"/sys/fs/cgroup/sharp-bpf-missing-{Guid.NewGuid():N}";
        var output = new StringWriter();

        int exitCode = await new CgroupEgressBytesApp().RunAsync(new CgroupEgressBytesOptions(missing), output, TestContext.Current.CancellationToken);

        Assert.Equal((1, $"cgroup-egress-bytes: no cgroup directory {missing}"), (exitCode, output.ToString().Trim()));
    }

    [Fact]
    public void Kernel_program_counts_a_packet_and_its_length_on_the_current_cpu_and_allows_it()
    {
        CgroupEgressProbe.Totals.Clear();
        var runtime = new BpfRuntime { CpuCount = 2, Cpu = 1 };
        using var scope = BpfRuntime.Use(runtime);

        var verdicts = new[]
        {
            CgroupEgressProbe.CountEgress(new SkBuff(new byte[128], 128)),
            CgroupEgressProbe.CountEgress(new SkBuff(new byte[60], 60)),
        };

        Assert.All(verdicts, verdict => Assert.Equal(CgroupVerdict.Allow, verdict));
        var onCpu1 = CgroupEgressProbe.Totals.ValueOnCpu(0, 1);
        Assert.Equal((2UL, 188UL), (onCpu1.Packets, onCpu1.Bytes));
        Assert.Equal(0UL, CgroupEgressProbe.Totals.ValueOnCpu(0, 0).Packets);
    }

    [Fact]
    public void Interval_lines_show_the_change_since_the_previous_line_and_the_totals()
    {
        var line = TrafficLine.Interval(new DateTimeOffset(2026, 1, 1, 12, 0, 1, TimeSpan.Zero),
            new TrafficCount { Packets = 3, Bytes = 300 }, new TrafficCount { Packets = 5, Bytes = 556 });

        Assert.Equal(["12:00:01.000", "2", "256", "5", "556"], line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The packets column of every interval line.</summary>
    static List<long> IntervalPackets(string output) =>
        [.. Regex.Matches(output, @"^\d\d:\d\d:\d\d\.\d{3}\s+(\d+)\s", RegexOptions.Multiline).Select(match => long.Parse(match.Groups[1].Value))];

    /// <summary>A UDP socket in namespace B bound to its veth address (a socket stays in the namespace it was created in).</summary>
    static Socket Receiver(NetworkNamespacePair pair) => pair.RunInB(() =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(pair.AddressB, 0));
        return socket;
    });

    static int ReceiveAll(Socket receiver, int expected)
    {
        receiver.ReceiveTimeout = 5000;
        var buffer = new byte[2048];
        int received = 0;
        try
        {
            while (received < expected)
            {
                receiver.Receive(buffer);
                received++;
            }
        }
        catch (SocketException)
        {
            // Timed out: the count says how many arrived.
        }
        return received;
    }
}
