using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The per-protocol XDP counter, run as managed code on hand-built frames.</summary>
public sealed class ProtocolCounterTests
{
    readonly BpfRuntime _runtime = new();

    public ProtocolCounterTests() => ProtocolCounter.Counts.Clear();

    ulong CountOf(uint protocol) => ProtocolCounter.Counts.ValueOnCpu(protocol, _runtime.Cpu);

    XdpAction Run(byte[] frame)
    {
        using var scope = BpfRuntime.Use(_runtime);
        return ProtocolCounter.Count(XdpMd.FromPacket(frame));
    }

    [Fact]
    public void Ipv4_tcp_counts_under_tcp()
    {
        Assert.Equal(XdpAction.Pass, Run(Frames.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp).Tcp(1, 2, TcpFlags.Syn).ToArray()));
        Assert.Equal(1UL, CountOf(IpProtocols.Tcp));
    }

    [Fact]
    public void Vlan_tagged_ipv6_udp_counts_under_udp()
    {
        Run(Frames.Ethernet(EtherTypes.Vlan).Vlan(10, EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Udp).Udp(1, 2).ToArray());
        Assert.Equal(1UL, CountOf(IpProtocols.Udp));
    }

    [Fact]
    public void Arp_counts_as_not_ip()
    {
        Run(Frames.Ethernet(EtherTypes.Arp, broadcast: true).Add(new byte()).ToArray());
        Assert.Equal(1UL, CountOf(ProtocolCounter.NotIp));
    }

    [Fact]
    public void Truncated_ip_header_counts_as_not_ip()
    {
        Run(Frames.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp).Truncated(EthernetHeader.Size + 10));
        Assert.Equal(1UL, CountOf(ProtocolCounter.NotIp));
    }

    [Fact]
    public void Runt_frame_is_passed_uncounted()
    {
        Assert.Equal(XdpAction.Pass, Run(new byte[6]));
        Assert.Equal(0UL, Enumerable.Range(0, 257).Select(p => CountOf((uint)p)).Aggregate(0UL, (a, b) => a + b));
    }
}
