using System.Buffers.Binary;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Damaged objects are refused with a format exception that says what is wrong, never anything else.</summary>
public sealed class MalformedObjectTests
{
    /// <summary>The object every case damages: globals.c, one program in "socket" whose relocations are all lddw of globals.</summary>
    static byte[] Pristine() => File.ReadAllBytes(LoaderCorpus.Compile("globals.c"));

    public static TheoryData<string, string> Damages => new()
    {
        { "truncated to 40 bytes", "truncated ELF file" },
        { "truncated to half", "malformed ELF object" },
        { "ELFCLASS32", "not ELFCLASS64" },
        { "machine x86-64", "not EM_BPF" },
        { "code section offset past the end", "extend past the end of the file" },
        { "section header table past the end", "the section header table" },
        { "relocation past its section", "relocation at offset 65536 of section 'socket' is past the end of the section" },
        { "relocation inside an instruction", "relocation at offset 12 of section 'socket' does not point at the start of an instruction" },
        { "relocation on an instruction that is not an lddw", "relocation at offset 0 of section 'socket' (Imm64) patches 'w0 = 0x0', which is not an lddw" },
        { "relocation at a missing symbol", "refers to symbol 9999, but the symbol table has" },
        { "relocation at the null symbol", "relocation at offset 8 of section 'socket' refers to the undefined symbol ''" },
        { "invalid instruction", "section 'socket':" },
        { "program section with an unknown name", "section 'sockex' holds programs (count_packets), but its name follows none of libbpf's conventions" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_object_is_refused_with_a_message_naming_the_damage(string damage, string message)
    {
        var bytes = Damage(damage);

        var error = Assert.Throws<BpfElfException>(() => CollectionSpec.Read(bytes));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Garbage_btf_is_refused_with_a_btf_format_error()
    {
        var image = new ElfImage(Pristine());
        image.Bytes.AsSpan(image.ContentsOf(".BTF") + 24, 64).Fill(0xAB);

        Assert.Throws<BtfFormatException>(() => CollectionSpec.Read(image.Bytes));
    }

    [Fact]
    public void Btf_without_its_magic_is_refused_with_a_btf_format_error()
    {
        var image = new ElfImage(Pristine());
        image.Bytes.AsSpan(image.ContentsOf(".BTF"), 2).Clear();

        Assert.Throws<BtfFormatException>(() => CollectionSpec.Read(image.Bytes));
    }

    static byte[] Damage(string damage)
    {
        var image = new ElfImage(Pristine());
        var bytes = image.Bytes;
        switch (damage)
        {
            case "truncated to 40 bytes": return bytes[..40];
            case "truncated to half": return bytes[..(bytes.Length / 2)];
            case "ELFCLASS32": bytes[4] = 1; break;
            case "machine x86-64": bytes[18] = 62; break;
            case "code section offset past the end": image.SetContentsOffset("socket", (ulong)bytes.Length + 4096); break;
            case "section header table past the end": BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)bytes.Length - 64); break;
            case "relocation past its section": image.SetRelocationOffset(".relsocket", 0, 0x10000); break;
            case "relocation inside an instruction": image.SetRelocationOffset(".relsocket", 0, 12); break;
            case "relocation on an instruction that is not an lddw": image.SetRelocationOffset(".relsocket", 0, 0); break;
            case "relocation at a missing symbol": image.SetRelocationSymbol(".relsocket", 0, 9999); break;
            case "relocation at the null symbol": image.SetRelocationSymbol(".relsocket", 0, 0); break;
            case "invalid instruction": bytes[image.ContentsOf("socket")] = 0xff; break;
            case "program section with an unknown name": image.RenameSection("socket", "sockex"); break;
            default: throw new ArgumentException(damage, nameof(damage));
        }
        return bytes;
    }
}
