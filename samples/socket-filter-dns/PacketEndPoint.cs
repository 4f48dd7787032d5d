using System.Net;
using System.Net.Sockets;

namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary>A link-layer socket address (<c>struct sockaddr_ll</c>, linux/if_packet.h) for binding a packet socket to one
/// interface and one EtherType.</summary>
/// <param name="InterfaceIndex">The interface's index.</param>
/// <param name="Protocol">The EtherType to receive in host order; <see cref="AllProtocols"/> for every frame.</param>
public sealed class PacketEndPoint(int InterfaceIndex, ushort Protocol) : EndPoint
{
    /// <summary><c>ETH_P_ALL</c>: every protocol, outgoing frames included.</summary>
    public const ushort AllProtocols = 0x0003;

    const int Size = 20;

    /// <summary>The interface's index.</summary>
    public int InterfaceIndex { get; } = InterfaceIndex;

    /// <summary>The EtherType, host order.</summary>
    public ushort Protocol { get; } = Protocol;

    /// <inheritdoc/>
    public override AddressFamily AddressFamily => AddressFamily.Packet;

    /// <summary>sll_family (written by <see cref="SocketAddress"/>), sll_protocol in network order, sll_ifindex in host order;
    /// the hardware type, packet type and address are only filled in by the kernel on receive.</summary>
    public override SocketAddress Serialize()
    {
        var address = new SocketAddress(AddressFamily.Packet, Size);
        address[2] = (byte)(Protocol >> 8);
        address[3] = (byte)Protocol;
        BitConverter.TryWriteBytes(address.Buffer.Span[4..8], InterfaceIndex);
        return address;
    }

    /// <inheritdoc/>
    public override EndPoint Create(SocketAddress socketAddress) =>
        new PacketEndPoint(BitConverter.ToInt32(socketAddress.Buffer.Span[4..8]), (ushort)(socketAddress[2] << 8 | socketAddress[3]));
}
