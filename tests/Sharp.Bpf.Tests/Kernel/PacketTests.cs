using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Packet accesses succeed exactly when they lie between data and data_end.</summary>
public sealed class PacketTests
{
    readonly byte[] _frame = Frames.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp).Udp(53, 5353).ToArray();

    [Fact]
    public void Read_that_ends_at_data_end_succeeds()
    {
        var packet = SkBuff.FromPacket(_frame).Packet;
        Assert.True(packet.TryRead(_frame.Length - UdpHeader.Size, out UdpHeader udp));
        Assert.Equal(5353, udp.DestinationPort);
    }

    [Fact]
    public void Read_one_byte_past_data_end_fails_with_zero()
    {
        var packet = SkBuff.FromPacket(_frame).Packet;
        Assert.False(packet.TryRead(_frame.Length - UdpHeader.Size + 1, out UdpHeader udp));
        Assert.Equal(default, udp);
    }

    [Fact]
    public void Negative_offset_fails() => Assert.False(SkBuff.FromPacket(_frame).Packet.TryRead(-1, out byte _));

    [Fact]
    public void Slice_steps_past_a_header_keeping_the_end()
    {
        Assert.True(SkBuff.FromPacket(_frame).Packet.TrySlice(EthernetHeader.Size, out var ip));
        Assert.Equal(_frame.Length - EthernetHeader.Size, ip.Length);
        Assert.True(ip.TryRead(0, out Ipv4Header header));
        Assert.Equal(IpProtocols.Udp, header.Protocol);
    }

    [Fact]
    public void Slice_past_the_end_fails() => Assert.False(SkBuff.FromPacket(_frame).Packet.TrySlice(_frame.Length + 1, out _));

    [Fact]
    public void Reference_writes_into_the_frame()
    {
        var ip = SkBuff.FromPacket(_frame).Packet.GetRef<Ipv4Header>(EthernetHeader.Size);
        ip.Value.Ttl = 1;
        Assert.Equal(1, _frame[EthernetHeader.Size + 8]);
    }

    [Fact]
    public void Reference_past_the_end_is_null() => Assert.True(XdpMd.FromPacket(_frame).Packet.GetRef<Ipv6Header>(EthernetHeader.Size).IsNull);

    [Fact]
    public void Write_that_does_not_fit_changes_nothing()
    {
        var before = _frame.ToArray();
        Assert.False(XdpMd.FromPacket(_frame).Packet.TryWrite(_frame.Length - 1, 0xFFFFu));
        Assert.Equal(before, _frame);
    }
}
