using System.Net;
using System.Text.RegularExpressions;
using Sharp.Bpf.Samples.TcPortFirewall;
using Sharp.Bpf.Samples.TcPortFirewall.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>tc-port-firewall: its tc program drops TCP and UDP packets to blocked ports and counts them; over a veth pair the
/// receiver gets exactly the datagrams to unblocked ports, the sample reports exactly the dropped ones, and ports blocked or
/// unblocked by command at run time take effect at once.</summary>
public sealed class TcPortFirewallTests
{
    [Fact]
    public void Drops_exactly_the_datagrams_to_a_port_blocked_at_start_and_reports_them()
    {
        Privileged.RequireRoot();
        const int ToBlocked = 5;
        const int ToOpen = 7;
        using var pair = new NetworkNamespacePair();
        using var blocked = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.AddressA, 9000));
        using var open = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.AddressA, 9001));
        var input = new LineFeed();
        var options = new PortFirewallOptions(pair.InterfaceA, [9000], null, TimeSpan.FromMilliseconds(100));
        using var run = SampleRun.StartIn(pair.NamespaceA, (output, error, token) => PortFirewallApp.RunAsync(options, input, output, error, token));
        run.WaitForOutput(output => output.Contains("blocked ports: 9000"), "the initial list");

        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.AddressA, 9000), ToBlocked);
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.AddressA, 9001), ToOpen);

        Assert.Equal(ToOpen, VethTraffic.ReceiveUdp(open, ToOpen));
        Assert.Equal(0, VethTraffic.ReceiveUdp(blocked, 0));
        run.WaitForOutput(output => Regex.IsMatch(output, @"^\d\d:\d\d:\d\d dropped packets by port: 9000=5$", RegexOptions.Multiline), "a periodic report of the drops");
        Assert.Equal(0, run.Stop());
        Assert.Equal(new Dictionary<int, ulong> { [9000] = ToBlocked }, DropsAtExit(run.Output));
    }

    [Fact]
    public void Blocks_and_unblocks_ports_by_command_while_running()
    {
        Privileged.RequireRoot();
        const int WhileBlocked = 4;
        const int AfterUnblock = 3;
        using var pair = new NetworkNamespacePair();
        pair.AddIpv6Addresses();
        using var receiver = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.Ipv6AddressA, 9002));
        var input = new LineFeed();
        var options = new PortFirewallOptions(pair.InterfaceA, [], null, TimeSpan.FromMilliseconds(100));
        using var run = SampleRun.StartIn(pair.NamespaceA, (output, error, token) => PortFirewallApp.RunAsync(options, input, output, error, token));
        run.WaitForOutput(output => output.Contains("blocked ports: none"), "the initial list");

        input.Send("block 9002");
        run.WaitForOutput(output => output.Contains("blocked 9002\n"), "the block acknowledgement");
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.Ipv6AddressA, 9002), WhileBlocked);
        Assert.Equal(0, VethTraffic.ReceiveUdp(receiver, 0));

        input.Send("unblock 9002");
        run.WaitForOutput(output => output.Contains("unblocked 9002\n"), "the unblock acknowledgement");
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.Ipv6AddressA, 9002), AfterUnblock);
        Assert.Equal(AfterUnblock, VethTraffic.ReceiveUdp(receiver, AfterUnblock));

        input.Send("list");
        run.WaitForOutput(output => output.Contains("blocked ports: none\ndropped packets by port: 9002=4\n"), "the list after unblocking");
        Assert.Equal(0, run.Stop());
        Assert.Equal(new Dictionary<int, ulong> { [9002] = WhileBlocked }, DropsAtExit(run.Output));
    }

    [Fact]
    public void Drops_tcp_and_udp_to_blocked_ports_over_ipv4_and_ipv6_and_counts_each_port()
    {
        PortFirewallProbe.BlockedPorts.Clear();
        PortFirewallProbe.DroppedPackets.Clear();
        PortFirewallProbe.BlockedPorts.Update(53, 1);
        PortFirewallProbe.BlockedPorts.Update(8080, 1);

        Assert.Equal(TcAction.Shot, Filter(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53))));
        Assert.Equal(TcAction.Shot, Filter(NetFrames.Ipv6(IpProtocols.Udp, NetFrames.Udp(40000, 53))));
        Assert.Equal(TcAction.Shot, Filter(NetFrames.Ipv4(IpProtocols.Tcp, NetFrames.TcpSyn(40000, 8080))));

        Assert.True(PortFirewallProbe.DroppedPackets.TryGetValueOnCpu(53, 0, out var dns));
        Assert.Equal(2UL, dns);
        Assert.True(PortFirewallProbe.DroppedPackets.TryGetValueOnCpu(8080, 0, out var web));
        Assert.Equal(1UL, web);
    }

    [Fact]
    public void Passes_packets_to_other_ports_from_blocked_ports_and_of_other_protocols_without_counting()
    {
        PortFirewallProbe.BlockedPorts.Clear();
        PortFirewallProbe.DroppedPackets.Clear();
        PortFirewallProbe.BlockedPorts.Update(53, 1);

        Assert.Equal(TcAction.Ok, Filter(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 54))));
        Assert.Equal(TcAction.Ok, Filter(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(53, 40000))));
        Assert.Equal(TcAction.Ok, Filter(NetFrames.Ipv4(IpProtocols.Icmp, new byte[8])));
        Assert.Equal(TcAction.Ok, Filter(NetFrames.Arp()));
        Assert.Equal(TcAction.Ok, Filter(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53))[..36]));

        Assert.Equal(0, PortFirewallProbe.DroppedPackets.Count);
    }

    [Theory]
    [InlineData("53", new ushort[] { 53 })]
    [InlineData("53, 8080,53", new ushort[] { 53, 8080 })]
    public void Port_lists_are_comma_separated(string text, ushort[] expected)
    {
        Assert.True(PortList.TryParse(text, out var ports, out _));
        Assert.Equal(expected, ports);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("dns")]
    [InlineData(" , ")]
    public void Port_lists_reject_what_is_not_a_port(string text) =>
        Assert.False(PortList.TryParse(text, out _, out _));

    static TcAction Filter(byte[] frame) => PortFirewallProbe.FilterIngress(SkBuff.FromPacket(frame));

    static Dictionary<int, ulong> DropsAtExit(string output)
    {
        var line = Regex.Match(output, "^dropped packets by port at exit: (.*)$", RegexOptions.Multiline);
        Assert.True(line.Success, $"no exit report in:\n{output}");
        return Regex.Matches(line.Groups[1].Value, @"(\d+)=(\d+)")
            .ToDictionary(match => int.Parse(match.Groups[1].Value), match => ulong.Parse(match.Groups[2].Value));
    }
}
