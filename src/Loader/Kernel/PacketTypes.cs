namespace Sharp.Bpf.Kernel;

/// <summary>The values of <see cref="SkBuff.PacketType"/> (<c>PACKET_*</c> in linux/if_packet.h).</summary>
public static class PacketTypes
{
    /// <summary><c>PACKET_HOST</c>: addressed to this host.</summary>
    public const uint Host = 0;
    /// <summary><c>PACKET_BROADCAST</c>: link-layer broadcast.</summary>
    public const uint Broadcast = 1;
    /// <summary><c>PACKET_MULTICAST</c>: link-layer multicast.</summary>
    public const uint Multicast = 2;
    /// <summary><c>PACKET_OTHERHOST</c>: addressed to another host (promiscuous mode).</summary>
    public const uint OtherHost = 3;
    /// <summary><c>PACKET_OUTGOING</c>: sent by this host.</summary>
    public const uint Outgoing = 4;
}
