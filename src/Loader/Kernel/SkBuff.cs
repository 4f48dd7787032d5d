using System.Buffers.Binary;

namespace Sharp.Bpf.Kernel;

/// <summary>The context of socket filter, tc/tcx and cgroup skb programs: the kernel's <c>struct __sk_buff</c>. Every
/// property compiles to one exact-width load (or store, where the program type allows writes) at a constant offset from the
/// unmodified context pointer r1 (DESIGN.md §2, rule 3); offsets are given per member. Managed: an object over a frame's
/// bytes, built with <see cref="FromPacket"/>.</summary>
public sealed class SkBuff
{
    int _linearLength;

    /// <summary>A managed socket buffer over <paramref name="frame"/> (an Ethernet frame).</summary>
    /// <param name="frame">The frame's bytes; programs that write the packet change this array.</param>
    /// <param name="linearLength">How many leading bytes are linear, i.e. reachable through <see cref="Packet"/>; the rest
    /// only through <see cref="Bpf.SkbLoadBytes(SkBuff, uint, Span{byte})"/> until <see cref="Bpf.SkbPullData"/>.</param>
    [ManagedOnly]
    public SkBuff(byte[] frame, int linearLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(linearLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(linearLength, frame.Length);
        Frame = frame;
        _linearLength = linearLength;
        Len = (uint)frame.Length;
        WireLength = (uint)frame.Length;
        if (frame.Length >= 14)
        {
            Protocol = BinaryPrimitives.ReadUInt16LittleEndian(frame.AsSpan(12));
            PacketType = (frame[0] & 1) == 0 ? PacketTypes.Host : frame.AsSpan(0, 6).ContainsAnyExcept((byte)0xFF) ? PacketTypes.Multicast : PacketTypes.Broadcast;
        }
    }

    /// <summary>A managed socket buffer over a whole, linear <paramref name="frame"/>, as a tc program usually sees small
    /// packets: <see cref="Protocol"/> and <see cref="PacketType"/> are taken from its Ethernet header, the interface
    /// indexes are <paramref name="ifindex"/>.</summary>
    [ManagedOnly]
    public static SkBuff FromPacket(byte[] frame, uint ifindex = 1) =>
        new(frame, frame.Length) { Ifindex = ifindex, IngressIfindex = ifindex };

    /// <summary>The frame's bytes.</summary>
    [ManagedOnly]
    public byte[] Frame { get; }

    /// <summary>The packet from <c>data</c> to <c>data_end</c>: the linear part of the frame.</summary>
    /// <remarks><c>data</c> (offset 76) and <c>data_end</c> (offset 80), each a 32-bit context load the verifier rewrites
    /// into a packet pointer. Linux 4.7 for tc; socket filters cannot access packet data directly.</remarks>
    public Packet Packet => new(Frame.AsSpan(0, _linearLength));

    /// <summary><c>len</c> (offset 0): the packet's length in bytes, linear part and fragments.</summary>
    public uint Len { get; init; }

    /// <summary><c>pkt_type</c> (offset 4): <c>PACKET_HOST</c> (0), <c>_BROADCAST</c> (1), <c>_MULTICAST</c> (2),
    /// <c>_OTHERHOST</c> (3), <c>_OUTGOING</c> (4).</summary>
    public uint PacketType { get; init; }

    /// <summary><c>mark</c> (offset 8): the packet's firewall mark; tc programs may set it.</summary>
    public uint Mark { get; set; }

    /// <summary><c>queue_mapping</c> (offset 12): the transmit queue; tc programs may set it.</summary>
    public uint QueueMapping { get; set; }

    /// <summary><c>protocol</c> (offset 16): the EtherType in network byte order (compare with
    /// <c>BinaryPrimitives.ReverseEndianness(EtherTypes.Ipv4)</c>, or use <see cref="EtherType"/>).</summary>
    public uint Protocol { get; init; }

    /// <summary>The EtherType in host order: <see cref="Protocol"/> then <c>be16</c>.</summary>
    public ushort EtherType => BinaryPrimitives.ReverseEndianness((ushort)Protocol);

    /// <summary><c>vlan_present</c> (offset 20): 1 when a VLAN tag was taken out of the frame into <see cref="VlanTci"/>
    /// (hardware or software acceleration), so it is not in the packet bytes.</summary>
    public uint VlanPresent { get; init; }

    /// <summary><c>vlan_tci</c> (offset 24): the accelerated VLAN tag's TCI, host order.</summary>
    public uint VlanTci { get; init; }

    /// <summary><c>vlan_proto</c> (offset 28): the accelerated VLAN tag's TPID, network order.</summary>
    public uint VlanProto { get; init; }

    /// <summary><c>priority</c> (offset 32): the queueing priority; tc programs may set it.</summary>
    public uint Priority { get; set; }

    /// <summary><c>ingress_ifindex</c> (offset 36): the interface the packet arrived on.</summary>
    public uint IngressIfindex { get; init; }

    /// <summary><c>ifindex</c> (offset 40): the interface the packet is on now.</summary>
    public uint Ifindex { get; init; }

    /// <summary><c>tc_index</c> (offset 44): the tc index; tc programs may set it.</summary>
    public uint TcIndex { get; set; }

    /// <summary><c>hash</c> (offset 68): the packet's flow hash (0 until computed).</summary>
    public uint Hash { get; init; }

    /// <summary><c>tc_classid</c> (offset 72): the class id a classifier assigns; tc programs may set it.</summary>
    public uint TcClassId { get; set; }

    /// <summary><c>napi_id</c> (offset 84): the NAPI context the packet came through.</summary>
    public uint NapiId { get; init; }

    /// <summary><c>tstamp</c> (offset 152, 64-bit): the delivery or receive time in nanoseconds; tc programs may set it.</summary>
    public ulong Timestamp { get; set; }

    /// <summary><c>wire_len</c> (offset 160): the packet's length on the wire.</summary>
    public uint WireLength { get; init; }

    /// <summary><c>gso_segs</c> (offset 164): segments of a GSO packet.</summary>
    public uint GsoSegments { get; init; }

    /// <summary><c>gso_size</c> (offset 176): segment size of a GSO packet.</summary>
    public uint GsoSize { get; init; }

    internal long PullData(uint length)
    {
        var wanted = length == 0 ? Frame.Length : (long)length;
        if (wanted > Frame.Length) return Errno.OutOfMemory;
        _linearLength = (int)Math.Max(_linearLength, wanted);
        return 0;
    }
}
