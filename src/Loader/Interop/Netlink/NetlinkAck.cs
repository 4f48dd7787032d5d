using System.Buffers.Binary;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>A decoded <c>NLMSG_ERROR</c> message: struct nlmsgerr (the negated errno, then the request's header and — unless
/// capped — its payload), followed by extended-ack attributes when the kernel sent them (<c>NETLINK_EXT_ACK</c>).</summary>
/// <param name="Errno">The error number; 0 for a positive acknowledgement.</param>
/// <param name="Message">The kernel's explanation (<c>NLMSGERR_ATTR_MSG</c>), e.g. "Exclusivity flag on, cannot modify", or null.</param>
internal readonly record struct NetlinkAck(int Errno, string? Message)
{
    const ushort MessageAttribute = 1;
    const int RequestHeaderLength = 16;

    /// <summary>Decodes the payload of an <c>NLMSG_ERROR</c> message with header flags <paramref name="flags"/>.</summary>
    /// <exception cref="InvalidDataException">The payload is shorter than struct nlmsgerr.</exception>
    public static NetlinkAck Decode(ReadOnlyMemory<byte> payload, ushort flags)
    {
        if (payload.Length < 4 + RequestHeaderLength)
            throw new InvalidDataException($"netlink error message of {payload.Length} bytes is shorter than struct nlmsgerr");
        int errno = -BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if ((flags & NetlinkFlags.AckTlvs) == 0) return new NetlinkAck(errno, null);

        long echoed = (flags & NetlinkFlags.Capped) != 0
            ? RequestHeaderLength
            : BinaryPrimitives.ReadUInt32LittleEndian(payload.Span[4..]);
        long tlvStart = 4 + ((echoed + 3) & ~3L);
        if (tlvStart > payload.Length) return new NetlinkAck(errno, null);
        var attributes = NetlinkAttributes.Parse(payload[(int)tlvStart..]);
        return new NetlinkAck(errno, attributes.TryGetValue(MessageAttribute, out var text) ? NetlinkAttributes.String(text) : null);
    }
}
