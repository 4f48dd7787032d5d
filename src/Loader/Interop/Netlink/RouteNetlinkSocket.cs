using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sharp.Bpf.Links;
using Tmds.Linux;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>An <c>AF_NETLINK</c>/<c>NETLINK_ROUTE</c> socket bound in the calling thread's network namespace (a socket
/// stays in the namespace it was created in). Requests carry increasing sequence numbers and <c>NLM_F_ACK</c>; replies
/// with other sequence numbers are ignored. Not thread-safe: use one per operation.</summary>
internal sealed unsafe class RouteNetlinkSocket : IDisposable
{
    const int AddressFamilyNetlink = 16;
    const int NetlinkRoute = 0;
    const int SocketRaw = 3;
    const int SocketCloseOnExec = 0x80000;
    const int SolNetlink = 270;
    const int NetlinkCapAck = 10;
    const int NetlinkExtAck = 11;
    const int ReceiveBufferBytes = 64 * 1024;

    [StructLayout(LayoutKind.Sequential)]
    struct NetlinkAddress
    {
        public ushort Family;
        public ushort Padding;
        public uint PortId;
        public uint Groups;
    }

    readonly int fd;
    readonly byte[] receiveBuffer = new byte[ReceiveBufferBytes];
    uint sequence = (uint)Environment.TickCount;

    /// <summary>Opens and binds the socket, asking for extended acks and capped error echoes.</summary>
    /// <exception cref="NetlinkException">socket or bind failed.</exception>
    public RouteNetlinkSocket()
    {
        fd = LibC.socket(AddressFamilyNetlink, SocketRaw | SocketCloseOnExec, NetlinkRoute);
        if (fd < 0) throw new NetlinkException("socket(AF_NETLINK)", Marshal.GetLastPInvokeError(), null, "opening a NETLINK_ROUTE socket");
        int one = 1;
        // Both options are best effort: kernels before 4.12 lack extended acks and errors simply carry no text.
        LibC.setsockopt(fd, SolNetlink, NetlinkExtAck, &one, sizeof(int));
        LibC.setsockopt(fd, SolNetlink, NetlinkCapAck, &one, sizeof(int));
        var address = new NetlinkAddress { Family = AddressFamilyNetlink };
        if (LibC.bind(fd, (sockaddr*)&address, (uint)sizeof(NetlinkAddress)) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            LibC.close(fd);
            throw new NetlinkException("bind(AF_NETLINK)", errno, null, "binding a NETLINK_ROUTE socket");
        }
    }

    /// <summary>Sends <paramref name="request"/> with <c>NLM_F_ACK</c> and waits for its acknowledgement.</summary>
    /// <param name="request">A message from <see cref="NetlinkMessageBuilder"/>.</param>
    /// <param name="operation">The request's name for errors, e.g. <c>RTM_NEWQDISC</c>.</param>
    /// <param name="what">What the request does, for errors, e.g. "creating the clsact qdisc on eth0".</param>
    /// <exception cref="NetlinkException">The kernel answered with an error.</exception>
    public void Execute(byte[] request, string operation, string what)
    {
        var ack = TryExecute(request, out _);
        if (ack.Errno != 0) throw new NetlinkException(operation, ack.Errno, ack.Message, what);
    }

    /// <summary>Sends <paramref name="request"/> with <c>NLM_F_ACK</c>; returns the acknowledgement (errno 0 on success) and
    /// the messages that came before it (the answer of a get request); a dump request ends at <c>NLMSG_DONE</c> instead.</summary>
    public NetlinkAck TryExecute(byte[] request, out List<NetlinkMessage> replies)
    {
        uint seq = Send(request, NetlinkFlags.Ack);
        replies = [];
        while (true)
        {
            foreach (var message in Receive())
            {
                if (message.Sequence != seq) continue;
                if (message.Type == NetlinkMessageType.Error) return NetlinkAck.Decode(message.Payload, message.Flags);
                // A dump request ends with NLMSG_DONE and gets no acknowledgement after it, even with NLM_F_ACK.
                if (message.Type == NetlinkMessageType.Done) return new NetlinkAck(0, null);
                replies.Add(message);
            }
        }
    }

    /// <summary>Sends a dump request and collects every message up to <c>NLMSG_DONE</c>.</summary>
    /// <exception cref="NetlinkException">The kernel answered with an error.</exception>
    public List<NetlinkMessage> Dump(byte[] request, string operation, string what)
    {
        uint seq = Send(request, 0);
        var replies = new List<NetlinkMessage>();
        while (true)
        {
            foreach (var message in Receive())
            {
                if (message.Sequence != seq) continue;
                switch (message.Type)
                {
                    case NetlinkMessageType.Done:
                        return replies;
                    case NetlinkMessageType.Error:
                        var ack = NetlinkAck.Decode(message.Payload, message.Flags);
                        if (ack.Errno == 0) return replies;
                        throw new NetlinkException(operation, ack.Errno, ack.Message, what);
                    default:
                        replies.Add(message);
                        break;
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => LibC.close(fd);

    uint Send(byte[] request, ushort extraFlags)
    {
        uint seq = ++sequence;
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(6)) | extraFlags));
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), seq);
        var kernel = new NetlinkAddress { Family = AddressFamilyNetlink };
        fixed (byte* pointer = request)
        {
            while (true)
            {
                long sent = LibC.sendto(fd, pointer, request.Length, 0, (sockaddr*)&kernel, (uint)sizeof(NetlinkAddress));
                if (sent >= 0) return seq;
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR) throw new NetlinkException("sendto(AF_NETLINK)", errno, null, "sending a netlink request");
            }
        }
    }

    List<NetlinkMessage> Receive()
    {
        fixed (byte* pointer = receiveBuffer)
        {
            while (true)
            {
                long received = LibC.recvfrom(fd, pointer, receiveBuffer.Length, 0, null, null);
                if (received >= 0) return NetlinkMessage.Split(receiveBuffer.AsMemory(0, (int)received).ToArray());
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR) throw new NetlinkException("recvfrom(AF_NETLINK)", errno, null, "reading a netlink reply");
            }
        }
    }
}
