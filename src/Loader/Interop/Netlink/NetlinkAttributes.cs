using System.Buffers.Binary;
using System.Text;

namespace Sharp.Bpf.Interop.Netlink;

/// <summary>Reads the type-length-value attributes of a netlink payload.</summary>
internal static class NetlinkAttributes
{
    /// <summary>The attributes in <paramref name="data"/> by type (flag bits masked off; a later duplicate wins).</summary>
    public static Dictionary<ushort, ReadOnlyMemory<byte>> Parse(ReadOnlyMemory<byte> data)
    {
        var attributes = new Dictionary<ushort, ReadOnlyMemory<byte>>();
        int offset = 0;
        while (data.Length - offset >= 4)
        {
            var span = data.Span[offset..];
            int length = BinaryPrimitives.ReadUInt16LittleEndian(span);
            ushort type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span[2..]) & 0x3FFF);
            if (length < 4 || length > data.Length - offset) break;
            attributes[type] = data.Slice(offset + 4, length - 4);
            offset += (length + 3) & ~3;
        }
        return attributes;
    }

    /// <summary>A string attribute's text without its terminating NUL.</summary>
    public static string String(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        int end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>A u32 attribute's value.</summary>
    public static uint UInt32(ReadOnlyMemory<byte> payload) => BinaryPrimitives.ReadUInt32LittleEndian(payload.Span);
}
