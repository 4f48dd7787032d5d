using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Managed contexts fill their fields from the frame, and non-linear socket buffers behave as the kernel's.</summary>
public sealed class ContextTests
{
    readonly byte[] _frame = Frames.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Udp).Udp(1, 2).ToArray();

    [Fact]
    public void Protocol_is_the_ether_type_in_network_order()
    {
        var skb = SkBuff.FromPacket(_frame);
        Assert.Equal(0xDD86u, BitConverter.IsLittleEndian ? skb.Protocol : 0);
        Assert.Equal(EtherTypes.Ipv6, skb.EtherType);
    }

    [Fact]
    public void Len_is_the_frame_length() => Assert.Equal((uint)_frame.Length, SkBuff.FromPacket(_frame).Len);

    [Fact]
    public void Broadcast_destination_sets_the_packet_type() =>
        Assert.Equal(PacketTypes.Broadcast, SkBuff.FromPacket(Frames.Ethernet(EtherTypes.Arp, broadcast: true).ToArray()).PacketType);

    [Fact]
    public void Packet_covers_only_the_linear_part() => Assert.Equal(20, new SkBuff(_frame, linearLength: 20).Packet.Length);

    [Fact]
    public void Load_bytes_reaches_past_the_linear_part()
    {
        var skb = new SkBuff(_frame, linearLength: 14);
        Assert.Equal(0, Bpf.SkbLoadBytes(skb, EthernetHeader.Size, out Ipv6Header ip));
        Assert.Equal(6, ip.Version);
    }

    [Fact]
    public void Load_bytes_past_the_end_is_efault() => Assert.Equal(-14, Bpf.SkbLoadBytes(SkBuff.FromPacket(_frame), (uint)_frame.Length - 1, out ushort _));

    [Fact]
    public void Pull_data_makes_bytes_linear()
    {
        var skb = new SkBuff(_frame, linearLength: 14);
        Assert.Equal(0, Bpf.SkbPullData(skb, 54));
        Assert.Equal(54, skb.Packet.Length);
    }

    [Fact]
    public void Pull_data_past_the_end_is_enomem() => Assert.Equal(-12, Bpf.SkbPullData(new SkBuff(_frame, 14), (uint)_frame.Length + 1));

    [Fact]
    public void Xdp_context_carries_its_queue()
    {
        var xdp = XdpMd.FromPacket(_frame, ingressIfindex: 3, rxQueueIndex: 1);
        Assert.Equal((3u, 1u, _frame.Length), (xdp.IngressIfindex, xdp.RxQueueIndex, xdp.Packet.Length));
    }
}
