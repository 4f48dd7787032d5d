using System.Buffers.Binary;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>One message of a netlink reply: its header fields and the payload after the 16-byte header.</summary>
internal readonly record struct NetlinkMessage(NetlinkMessageType Type, ushort Flags, uint Sequence, uint PortId, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Splits a datagram into its messages (several can share one <c>recv</c>).</summary>
    /// <exception cref="InvalidDataException">A length field points outside the datagram, or the datagram ends inside a header.</exception>
    public static List<NetlinkMessage> Split(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        int offset = 0;
        while (datagram.Length - offset >= 16)
        {
            var header = datagram.Span[offset..];
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (length < 16 || length > datagram.Length - offset)
                throw new InvalidDataException($"netlink message at offset {offset} claims {length} bytes of {datagram.Length - offset}");
            messages.Add(new NetlinkMessage(
                (NetlinkMessageType)BinaryPrimitives.ReadUInt16LittleEndian(header[4..]),
                BinaryPrimitives.ReadUInt16LittleEndian(header[6..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[12..]),
                datagram.Slice(offset + 16, length - 16)));
            offset += (length + 3) & ~3;
        }
        if (offset < datagram.Length)
            throw new InvalidDataException($"netlink datagram ends {datagram.Length - offset} bytes into a message header at offset {offset}");
        return messages;
    }
}
