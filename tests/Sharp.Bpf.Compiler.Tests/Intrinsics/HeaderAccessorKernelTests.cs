using Sharp.Bpf.Compiler.Lowering;
using Sharp.Bpf.Compiler.Tests.Backend;
using Sharp.Bpf.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Every header accessor the compiler lowers from its table gives, in the kernel, what the C# property gives as
/// managed code, on packets whose bytes exercise every bit.</summary>
public class HeaderAccessorKernelTests
{
    [Theory]
    [InlineData("EthernetHeader", "h.Value.EtherType")]
    [InlineData("EthernetHeader", "h.Value.Destination.IsMulticast ? 1 : 0")]
    [InlineData("EthernetHeader", "h.Value.Source.IsMulticast ? 1 : 0")]
    [InlineData("Ipv4Header", "h.Value.Version")]
    [InlineData("Ipv4Header", "h.Value.Ihl")]
    [InlineData("Ipv4Header", "h.Value.HeaderLength")]
    [InlineData("Ipv4Header", "h.Value.TotalLength")]
    [InlineData("Ipv4Header", "h.Value.Identification")]
    [InlineData("Ipv4Header", "h.Value.DontFragment ? 1 : 0")]
    [InlineData("Ipv4Header", "h.Value.MoreFragments ? 1 : 0")]
    [InlineData("Ipv4Header", "h.Value.FragmentOffset")]
    [InlineData("Ipv4Header", "h.Value.IsFragment ? 1 : 0")]
    [InlineData("Ipv4Header", "h.Value.Checksum")]
    [InlineData("Ipv4Header", "(int)(h.Value.SourceAddress >> 1)")]
    [InlineData("Ipv4Header", "(int)(h.Value.DestinationAddress & 0x7FFFFFFF)")]
    [InlineData("Ipv6Header", "h.Value.Version")]
    [InlineData("Ipv6Header", "h.Value.TrafficClass")]
    [InlineData("Ipv6Header", "(int)h.Value.FlowLabel")]
    [InlineData("Ipv6Header", "h.Value.PayloadLength")]
    [InlineData("TcpHeader", "h.Value.SourcePort")]
    [InlineData("TcpHeader", "h.Value.DestinationPort")]
    [InlineData("TcpHeader", "(int)(h.Value.SequenceNumber >> 4)")]
    [InlineData("TcpHeader", "(int)(h.Value.AcknowledgmentNumber & 0xFFFFFF)")]
    [InlineData("TcpHeader", "h.Value.DataOffset")]
    [InlineData("TcpHeader", "h.Value.HeaderLength")]
    [InlineData("TcpHeader", "h.Value.IsSyn ? 1 : 0")]
    [InlineData("TcpHeader", "h.Value.IsSynAck ? 1 : 0")]
    [InlineData("TcpHeader", "h.Value.Window")]
    [InlineData("UdpHeader", "h.Value.Length")]
    [InlineData("IcmpHeader", "h.Value.Identifier")]
    [InlineData("Icmpv6Header", "h.Value.Sequence")]
    [InlineData("VlanHeader", "h.Value.Tci")]
    [InlineData("VlanHeader", "h.Value.VlanId")]
    [InlineData("VlanHeader", "h.Value.Priority")]
    [InlineData("VlanHeader", "h.Value.EncapsulatedEtherType")]
    [InlineData("Ipv6ExtensionHeader", "h.Value.HeaderLength")]
    [InlineData("Ipv6FragmentHeader", "h.Value.FragmentOffset")]
    [InlineData("Ipv6FragmentHeader", "h.Value.MoreFragments ? 1 : 0")]
    public void Accessor_matches_managed_execution(string header, string expression)
    {
        Privileged.RequireRoot();
        var (compilation, run) = IntrinsicHarness.Compile($$"""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var h = skb.Packet.GetRef<{{header}}>(14);
                if (h.IsNull) return (TcAction)1000000;
                return (TcAction)({{expression}});
            }
            """);
        var lowered = MethodLowerer.Lower(run, compilation, TestContext.Current.CancellationToken);
        Assert.True(lowered.Function is not null, string.Join("; ", lowered.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        using var kernel = KernelHarness.Load([KernelHarness.Compile(lowered.Function!)]);
        var managed = IntrinsicHarness.ManagedRun(compilation);
        foreach (var frame in Frames())
            Assert.Equal((uint)(int)(TcAction)managed.Invoke(null, [SkBuff.FromPacket(frame)])!,
                kernel.Programs["Run"].Test(new ProgramTestOptions { Data = frame }).ReturnValue);
    }

    [Fact]
    public void Setters_write_network_order_into_the_packet_as_managed_execution_does()
    {
        Privileged.RequireRoot();
        var (compilation, run) = IntrinsicHarness.Compile("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                var ip = packet.GetRef<Ipv4Header>(14);
                if (ip.IsNull) return (TcAction)1;
                ip.Value.DestinationAddress = 0x0A000002;
                ip.Value.TotalLength = 1500;
                var tcp = packet.GetRef<TcpHeader>(34);
                if (tcp.IsNull) return (TcAction)2;
                tcp.Value.DestinationPort = 8080;
                tcp.Value.SequenceNumber = tcp.Value.SequenceNumber + 1;
                packet.TryWrite(22, (byte)63);
                return TcAction.Ok;
            }
            """);
        var lowered = MethodLowerer.Lower(run, compilation, TestContext.Current.CancellationToken);
        Assert.True(lowered.Function is not null, string.Join("; ", lowered.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        using var kernel = KernelHarness.Load([KernelHarness.Compile(lowered.Function!)]);
        var managed = IntrinsicHarness.ManagedRun(compilation);
        foreach (var frame in Frames())
        {
            var managedFrame = (byte[])frame.Clone();
            Assert.Equal(TcAction.Ok, (TcAction)managed.Invoke(null, [SkBuff.FromPacket(managedFrame)])!);
            var result = kernel.Programs["Run"].Test(new ProgramTestOptions { Data = frame });
            Assert.Equal(0u, result.ReturnValue);
            Assert.Equal(managedFrame, result.DataOut);
        }
    }

    /// <summary>All ones, all zeros, ascending bytes, alternating bits, and seeded random bytes.</summary>
    static IEnumerable<byte[]> Frames()
    {
        yield return Enumerable.Repeat((byte)0xFF, 80).ToArray();
        yield return new byte[80];
        yield return [.. Enumerable.Range(0, 80).Select(i => (byte)(i * 7 + 1))];
        yield return Enumerable.Repeat((byte)0x5A, 80).ToArray();
        var random = new Random(1234);
        for (int i = 0; i < 4; i++)
        {
            var frame = new byte[80];
            random.NextBytes(frame);
            yield return frame;
        }
    }
}
