using System.Buffers.Binary;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Reading clang's objects, and refusing everything else with <see cref="BpfElfException"/>.</summary>
public sealed class BpfObjectFileTests
{
    [Fact]
    public void Reads_programs_subprograms_symbols_and_call_relocations()
    {
        var file = BpfObjectFile.Read(TestObjects.CompileC("subprograms.c"));

        Assert.Equal([".text", "xdp", "tc"], file.ExecutableSections.Select(s => s.Name));
        var text = file.ExecutableSections.First();
        Assert.Equal(["global_helper", "mix", "checksum"], text.Symbols.Select(s => s.Name));
        Assert.All(text.Symbols, s => Assert.Equal(BpfSymbolKind.Function, s.Kind));
        Assert.True(text.Symbols[0].IsGlobal);
        Assert.False(text.Symbols[1].IsGlobal);
        Assert.Equal(0ul, (ulong)text.Data.Length % 8);

        var tc = file.Sections.Single(s => s.Name == "tc");
        var xdpChecksum = file.Sections.Single(s => s.Name == "xdp").Symbols.Single();
        Assert.Equal(("xdp_checksum", BpfSymbolKind.Function, (ulong)96), (xdpChecksum.Name, xdpChecksum.Kind, xdpChecksum.Size));
        Assert.Contains(tc.Relocations, r => r.Type == BpfRelocationType.Call32 && r.Symbol.Name == "global_helper");
        foreach (var relocation in tc.Relocations)
            Assert.Equal(0x85, tc.Data.Span[(int)relocation.Offset]); // each one patches a call
    }

    [Fact]
    public void Reads_map_and_global_variable_relocations_and_nobits_sections()
    {
        var file = BpfObjectFile.Read(TestObjects.CompileC("map_lookup.c"));
        var program = file.ExecutableSections.Single(s => s.Data.Length > 0);
        Assert.Equal("tracepoint/syscalls/sys_enter_write", program.Name);
        Assert.Equal("count_writes", program.Symbols.Single().Name);

        var targets = program.Relocations.Select(r => (r.Type, r.Symbol.Name)).ToHashSet();
        Assert.Contains((BpfRelocationType.Imm64, "calls_by_pid"), targets);
        Assert.Contains((BpfRelocationType.Imm64, "events"), targets);
        Assert.Contains((BpfRelocationType.Imm64, "total_calls"), targets); // .bss
        Assert.Contains((BpfRelocationType.Imm64, "last_pid"), targets); // .data
        Assert.Contains((BpfRelocationType.Imm64, "target_pid"), targets); // .rodata
        foreach (var relocation in program.Relocations)
            Assert.Equal(0x18, program.Data.Span[(int)relocation.Offset]); // each one patches an lddw

        var bss = file.Sections.Single(s => s.Name == ".bss");
        Assert.True(bss.IsWritable && bss.IsAllocated && !bss.IsExecutable);
        Assert.Equal(8ul, bss.Size);
        Assert.True(bss.Data.IsEmpty);
        Assert.Equal(["calls_by_pid", "events"], file.Sections.Single(s => s.Name == ".maps").Symbols.Select(s => s.Name));
    }

    [Fact]
    public void Stream_and_path_read_the_same_object()
    {
        var path = TestObjects.CompileC("loops.c");
        using var stream = File.OpenRead(path);
        var fromStream = BpfObjectFile.Read(stream);
        var fromPath = BpfObjectFile.Read(path);
        Assert.Equal(fromPath.Symbols, fromStream.Symbols);
        Assert.Equal(fromPath.Sections.Select(s => (s.Name, s.Data.ToArray().Length)), fromStream.Sections.Select(s => (s.Name, s.Data.ToArray().Length)));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "not an ELF file" },
        { "7f454c", "not an ELF file" },
        { "00112233445566778899", "not an ELF file" },
        { "7f454c46", "truncated ELF file" },
        { Header(elfClass: 1), "not ELFCLASS64" },
        { Header(encoding: 2), "big-endian" },
        { Header(machine: 62), "not EM_BPF" },
        { Header(type: 2), "not ET_REL" },
        { Header(), "malformed ELF object" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_is_refused_with_the_reason(string hex, string reason)
    {
        var error = Assert.Throws<BpfElfException>(() => BpfObjectFile.Read(Convert.FromHexString(hex)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_refused()
    {
        var random = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            Assert.Throws<BpfElfException>(() => BpfObjectFile.Read(bytes));
        }
    }

    [Fact]
    public void Every_truncation_of_a_real_object_is_refused()
    {
        var bytes = File.ReadAllBytes(TestObjects.CompileC("subprograms.c"));
        for (int length = 0; length < bytes.Length; length += 7)
            Assert.Throws<BpfElfException>(() => BpfObjectFile.Read(bytes[..length]));
    }

    [Fact]
    public void Corrupted_objects_are_read_or_refused_but_never_crash()
    {
        var original = File.ReadAllBytes(TestObjects.CompileC("xdp_parser.c"));
        var random = new Random(2);
        for (int i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 8); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                BpfObjectFile.Read(bytes);
            }
            catch (BpfElfException)
            {
            }
        }
    }

    [Fact]
    public void Host_executable_is_not_an_eBPF_object()
    {
        var error = Assert.Throws<BpfElfException>(() => BpfObjectFile.Read("/bin/true"));
        Assert.Contains("not EM_BPF", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A 64-byte ELF header with no sections, valid apart from the fields a test changes.</summary>
    static string Header(byte elfClass = 2, byte encoding = 1, ushort type = 1, ushort machine = 247)
    {
        var header = new byte[64];
        ReadOnlySpan<byte> magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];
        magic.CopyTo(header);
        header[4] = elfClass;
        header[5] = encoding;
        header[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(52), 64);
        // e_shentsize 64 and e_shnum 1 with e_shoff past the end: the section header table is missing.
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(40), 4096);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(58), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(60), 1);
        return Convert.ToHexString(header);
    }
}
