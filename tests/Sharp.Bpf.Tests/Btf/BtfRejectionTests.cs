using System.Buffers.Binary;
using System.Text;
using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>Malformed BTF is rejected with a BtfFormatException that says what is wrong and where.</summary>
public sealed class BtfRejectionTests
{
    const uint Int = 1u << 24, Pointer = 2u << 24, Struct = 4u << 24, Typedef = 8u << 24, Function = 12u << 24, DeclTag = 17u << 24;
    const uint IntData32Signed = 1u << 24 | 32;

    public static TheoryData<string, byte[], string> Rejections => new()
    {
        { "empty blob", [], "BTF header truncated: 0 bytes" },
        { "truncated header", Header(0, 1)[..10], "BTF header truncated: 10 bytes" },
        { "big-endian magic", WithBytes(Valid(), 0, 0xEB, 0x9F), "big-endian" },
        { "bad magic", WithBytes(Valid(), 0, 0x34, 0x12), "bad BTF magic 0x1234" },
        { "version 2", WithBytes(Valid(), 2, 2), "unsupported BTF version 2" },
        { "header flags", WithBytes(Valid(), 3, 1), "unsupported BTF header flags 0x01" },
        { "header length past the blob", WithUInt(Valid(), 4, 1000), "BTF header length 1000 at offset 4" },
        { "type section past the blob", WithUInt(Valid(), 12, 1000), "BTF type section 0..1000" },
        { "string section past the blob", WithUInt(Valid(), 20, 1000), "BTF string section" },
        { "misaligned type section", WithUInt(WithUInt(Valid(), 8, 2), 12, 0), "not 4-byte aligned" },
        { "empty string section", Blob([], ""), "string section is empty" },
        { "string section not starting with NUL", Blob([], "x\0"), "does not start with the empty string" },
        { "string section not ending with NUL", Blob([], "\0int"), "does not end with NUL" },
        { "truncated type header", Blob([0, Int]), "BTF type [1] at type section offset 0: truncated" },
        { "unknown kind", Blob([0, 25u << 24, 0]), "BTF type [1] at type section offset 0: unknown kind 25" },
        { "name offset past the strings", Blob([99, Int, 4, IntData32Signed]), "name offset 99 is past the string section" },
        { "member name past the strings", Blob([0, Struct | 1, 4, 77, 0, 0]), "member 0 name offset 77" },
        { "members overrunning the type section", Blob([0, Struct | 3, 4, 0, 0, 0]), "3 members of 12 bytes overrun the type section" },
        { "missing integer encoding", Blob([1, Int, 4]), "1 integer encoding of 4 bytes overrun" },
        { "integer bits wider than its size", Blob([1, Int, 1, 16]), "integer bits 0+16 do not fit in 1 bytes" },
        { "kind_flag on a pointer", Blob([0, Pointer | 1u << 31, 0]), "PTR does not use kind_flag" },
        { "vlen on a typedef", Blob([1, Typedef | 2, 0]), "TYPEDEF has no members, but vlen is 2" },
        { "unknown function linkage", Blob([1, Function | 3, 0]), "unknown function linkage 3" },
        { "reference to a missing type", Blob([0, Pointer, 7]), "BTF type [1] PTR refers to type [7], but there are only 1 types" },
        { "typedef naming itself", Blob([1, Typedef, 1]), "contains itself by value" },
        { "decl tag on a missing member", Blob([1, Int, 4, IntData32Signed, 1, DeclTag, 1, 0]), "component index 0 is out of range" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Malformed_blob_is_rejected_with_a_message_naming_the_fault(string caseName, byte[] blob, string fragment)
    {
        var error = Assert.Throws<BtfFormatException>(() => BtfSpec.Parse(blob));
        Assert.True(error.Message.Contains(fragment, StringComparison.Ordinal), $"{caseName}: '{error.Message}' lacks '{fragment}'");
    }

    [Fact]
    public void The_valid_base_blob_parses()
    {
        Assert.Equal(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32), BtfSpec.Parse(Valid())[1]);
    }

    static byte[] Valid() => Blob([1, Int, 4, IntData32Signed]);

    static byte[] Blob(uint[] typeWords, string strings = "\0int\0")
    {
        var stringBytes = Encoding.UTF8.GetBytes(strings);
        var blob = Header(typeWords.Length * 4, stringBytes.Length);
        Array.Resize(ref blob, 24 + typeWords.Length * 4 + stringBytes.Length);
        for (int i = 0; i < typeWords.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(24 + i * 4), typeWords[i]);
        stringBytes.CopyTo(blob, 24 + typeWords.Length * 4);
        return blob;
    }

    static byte[] Header(int typeLength, int stringLength)
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0xEB9F);
        header[2] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 24);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)typeLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)typeLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)stringLength);
        return header;
    }

    static byte[] WithBytes(byte[] blob, int offset, params byte[] bytes)
    {
        bytes.CopyTo(blob, offset);
        return blob;
    }

    static byte[] WithUInt(byte[] blob, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(offset), value);
        return blob;
    }
}
