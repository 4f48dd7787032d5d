namespace Sharp.Bpf.Kernel;

/// <summary>The context of XDP programs: the kernel's <c>struct xdp_md</c>. Each property compiles to one 32-bit load at a
/// constant offset from the unmodified context pointer r1. Managed: an object over a frame's bytes, built with
/// <see cref="FromPacket"/>.</summary>
public sealed class XdpMd
{
    readonly byte[] _frame;

    XdpMd(byte[] frame) => _frame = frame;

    /// <summary>A managed XDP context over <paramref name="frame"/> (an Ethernet frame; programs that write the packet
    /// change this array).</summary>
    [ManagedOnly]
    public static XdpMd FromPacket(byte[] frame, uint ingressIfindex = 1, uint rxQueueIndex = 0) =>
        new(frame) { IngressIfindex = ingressIfindex, RxQueueIndex = rxQueueIndex };

    /// <summary>The packet from <c>data</c> to <c>data_end</c>.</summary>
    /// <remarks><c>data</c> (offset 0) and <c>data_end</c> (offset 4), 32-bit context loads the verifier rewrites into packet
    /// pointers (Linux 4.8).</remarks>
    public Packet Packet => new(_frame);

    /// <summary><c>ingress_ifindex</c> (offset 12): the interface the packet arrived on.</summary>
    public uint IngressIfindex { get; init; }

    /// <summary><c>rx_queue_index</c> (offset 16): the receive queue the packet arrived on.</summary>
    public uint RxQueueIndex { get; init; }

    /// <summary><c>egress_ifindex</c> (offset 20): the target interface in a devmap program (Linux 5.8), otherwise 0.</summary>
    public uint EgressIfindex { get; init; }
}
