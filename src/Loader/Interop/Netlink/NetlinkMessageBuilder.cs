using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>Builds one netlink request: the 16-byte <c>nlmsghdr</c>, a family header (<c>ifinfomsg</c>, <c>tcmsg</c>) and
/// type-length-value attributes, each padded to 4 bytes (<c>NLMSG_ALIGN</c>, <c>NLA_ALIGN</c>). Host byte order, as
/// netlink requires, except where a field says otherwise.</summary>
internal sealed class NetlinkMessageBuilder
{
    /// <summary><c>NLA_F_NESTED</c>: marks an attribute whose payload is attributes.</summary>
    const ushort NestedFlag = 0x8000;
    const int HeaderLength = 16;
    const int AttributeHeaderLength = 4;

    readonly List<byte> bytes = new(128);

    /// <summary>Starts a request of <paramref name="type"/> with <paramref name="flags"/> (<c>NLM_F_REQUEST</c> is added).</summary>
    public NetlinkMessageBuilder(NetlinkMessageType type, ushort flags)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], (ushort)type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)(flags | NetlinkFlags.Request));
        bytes.AddRange(header);
    }

    /// <summary>Appends the family header (a struct with the C layout), padded.</summary>
    public NetlinkMessageBuilder Header<T>(in T header) where T : unmanaged
    {
        bytes.AddRange(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in header)));
        Pad();
        return this;
    }

    /// <summary>Appends an attribute with a raw payload.</summary>
    public NetlinkMessageBuilder Attribute(ushort type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[AttributeHeaderLength];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(AttributeHeaderLength + payload.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], type);
        bytes.AddRange(header);
        bytes.AddRange(payload);
        Pad();
        return this;
    }

    /// <summary>Appends a u32 attribute.</summary>
    public NetlinkMessageBuilder Attribute(ushort type, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, value);
        return Attribute(type, payload);
    }

    /// <summary>Appends an s32 attribute.</summary>
    public NetlinkMessageBuilder Attribute(ushort type, int value) => Attribute(type, unchecked((uint)value));

    /// <summary>Appends a NUL-terminated string attribute (<c>NLA_STRING</c>/<c>NLA_NUL_STRING</c>).</summary>
    public NetlinkMessageBuilder Attribute(ushort type, string value) => Attribute(type, Encoding.UTF8.GetBytes(value + "\0"));

    /// <summary>Appends a nested attribute whose payload <paramref name="content"/> writes.</summary>
    public NetlinkMessageBuilder Nested(ushort type, Action<NetlinkMessageBuilder> content)
    {
        int start = bytes.Count;
        bytes.AddRange(new byte[AttributeHeaderLength]);
        content(this);
        int length = bytes.Count - start;
        var header = CollectionsMarshal.AsSpan(bytes).Slice(start, AttributeHeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)(type | NestedFlag));
        return this;
    }

    /// <summary>The finished message with <c>nlmsg_len</c> filled in and sequence number 0 (the socket sets its own).</summary>
    public byte[] ToArray()
    {
        var message = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        return message;
    }

    void Pad()
    {
        while (bytes.Count % 4 != 0) bytes.Add(0);
    }
}
