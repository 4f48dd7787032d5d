using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>Mutated clang BTF never escapes as anything but a model or a BtfFormatException, and every model can be dumped, sized, printed as C and rebuilt.</summary>
public sealed class BtfFuzzTests
{
    const int Cases = 20_000;

    [Fact]
    public void Mutated_clang_blobs_parse_or_raise_BtfFormatException()
    {
        var original = CompiledObject.Get("all_kinds").Btf;
        var random = new Random(20260611);
        int parsed = 0;
        for (int i = 0; i < Cases; i++)
        {
            var blob = Mutate(original, random);
            BtfSpec spec;
            try
            {
                spec = BtfSpec.Parse(blob);
            }
            catch (BtfFormatException)
            {
                continue;
            }
            parsed++;
            _ = BtfRawFormatter.Format(spec);
            for (uint id = 0; id < (uint)spec.Types.Count; id++)
            {
                _ = spec.TrySizeOf(id, out _);
                _ = BtfCFormatter.Declaration(spec, id);
            }
            _ = BtfSpec.Parse(spec.ToBytes());
        }
        Assert.InRange(parsed, 1, Cases - 1);
    }

    static byte[] Mutate(byte[] original, Random random)
    {
        var blob = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int flips = random.Next(1, 4); flips > 0; flips--) blob[random.Next(blob.Length)] ^= (byte)(1 << random.Next(8));
                return blob;
            case 1:
                blob[random.Next(blob.Length)] = (byte)random.Next(256);
                return blob;
            case 2:
                // Aim at the header and the first types, where counts and offsets live.
                int at = random.Next(Math.Min(blob.Length, 24 + 12 * 16));
                blob[at] = (byte)random.Next(256);
                return blob;
            default:
                return blob[..random.Next(blob.Length)];
        }
    }
}
