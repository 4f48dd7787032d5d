using System.Buffers.Binary;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Mutated corpus objects either read or fail with a format exception: nothing else escapes the reader.</summary>
public sealed class CollectionSpecFuzzTests(ITestOutputHelper output)
{
    const int Mutations = 20_000;

    [Fact]
    public void Twenty_thousand_mutated_objects_yield_a_spec_or_a_format_exception()
    {
        var originals = LoaderCorpus.AllPrograms.Select(source => File.ReadAllBytes(LoaderCorpus.Compile(source))).ToArray();
        var outcomes = new Dictionary<string, int>();
        for (int seed = 0; seed < Mutations; seed++)
        {
            var random = new Random(seed);
            var bytes = Mutate(originals[seed % originals.Length], random);
            string outcome;
            try
            {
                CollectionSpec.Read(bytes);
                outcome = "read";
            }
            catch (Exception e) when (e is BpfElfException or BtfFormatException or FormatException)
            {
                outcome = e.GetType().Name;
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} ({LoaderCorpus.AllPrograms.ElementAt(seed % originals.Length)}): {e}");
                throw;
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.Equal(Mutations, outcomes.Values.Sum());
    }

    /// <summary>One of: flipped bytes anywhere, a truncation, an overwritten ELF header or section header field, or
    /// overwritten words inside a section (symbols, relocations, BTF, code).</summary>
    static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var image = new ElfImage(bytes);
        switch (random.Next(5))
        {
            case 0:
                for (int i = random.Next(1, 9); i > 0; i--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                WriteField(bytes, random.Next(0x40 / 2) * 2, random);
                return bytes;
            case 3:
                WriteField(bytes, image.HeaderOf(random.Next(1, image.SectionCount)) + random.Next(ElfImage.SectionHeaderSize / 4) * 4, random);
                return bytes;
            default:
                int section = random.Next(1, image.SectionCount);
                int start = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(image.HeaderOf(section) + 24));
                int size = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(image.HeaderOf(section) + 32));
                if (size < 4 || start + size > bytes.Length) return bytes;
                for (int i = random.Next(1, 4); i > 0; i--) WriteField(bytes, start + random.Next(size - 3), random);
                return bytes;
        }
    }

    /// <summary>Writes a 4-byte value that parsers find interesting: 0, all ones, a small number, a large one, or random bits.</summary>
    static void WriteField(byte[] bytes, int offset, Random random)
    {
        if (offset + 4 > bytes.Length) return;
        uint value = random.Next(5) switch
        {
            0 => 0,
            1 => uint.MaxValue,
            2 => (uint)random.Next(64),
            3 => 0x7fff_fff0u,
            _ => (uint)random.NextInt64(0, 1L << 32),
        };
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
    }
}
