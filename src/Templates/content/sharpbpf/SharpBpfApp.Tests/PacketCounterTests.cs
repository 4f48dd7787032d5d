using Sharp.Bpf;
using Sharp.Bpf.Kernel;
using SharpBpfApp.Kernel;
using Xunit;

namespace SharpBpfApp.Tests;

/// <summary>The kernel method twice: as plain .NET (its managed semantics), and compiled to eBPF, loaded through the kernel
/// verifier and run on a packet with BPF_PROG_TEST_RUN (needs root: sudo dotnet test).</summary>
public class PacketCounterTests
{
    const byte Udp = 17;

    [Fact]
    public void Managed_code_counts_an_ipv4_packet_under_its_protocol()
    {
        PacketCounter.PacketsByProtocol.Clear();

        var action = PacketCounter.Count(XdpMd.FromPacket(Ipv4Frame(Udp)));

        Assert.Equal(XdpAction.Pass, action);
        Assert.True(PacketCounter.PacketsByProtocol.TryGetValue(Udp, out var packets));
        Assert.Equal(1ul, packets);
    }

    [Fact]
    public void Kernel_counts_an_ipv4_packet_under_its_protocol()
    {
        if (!Environment.IsPrivilegedProcess) Assert.Skip("loading eBPF programs needs root (CAP_BPF): run sudo dotnet test");
        using var loaded = PacketCounter.Load();

        var result = loaded.Count.Test(new ProgramTestOptions { Data = Ipv4Frame(Udp) });

        Assert.Equal((uint)XdpAction.Pass, result.ReturnValue);
        Assert.Equal(1ul, loaded.PacketsByProtocol.Lookup(Udp));
        Assert.Equal(0ul, loaded.PacketsByProtocol.Lookup(6));
    }

    /// <summary>An Ethernet frame holding an IPv4 header (no options) with the given protocol and 8 bytes of payload.</summary>
    static byte[] Ipv4Frame(byte protocol)
    {
        var frame = new byte[14 + 20 + 8];
        frame[12] = 0x08;             // EtherType 0x0800: IPv4
        frame[14] = 0x45;             // version 4, header length 5 words
        frame[14 + 3] = 28;           // total length 20 + 8
        frame[14 + 8] = 64;           // TTL
        frame[14 + 9] = protocol;
        return frame;
    }
}
