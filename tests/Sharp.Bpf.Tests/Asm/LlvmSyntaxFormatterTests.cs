using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>One row per encoding family: instruction bytes → the text llvm-objdump-19 -d --mcpu=v4 prints
/// (rows checked against llvm-mc-19 when written; <see cref="LlvmSyntaxOracleTests"/> re-checks the whole space).</summary>
public sealed class LlvmSyntaxFormatterTests
{
    public static TheoryData<string, string> Rows => new()
    {
        // ALU (32-bit): w registers; neg, signed div/mod (offset 1), movsx (offset 8/16), le/be
        { "04 01 00 00 05 00 00 00", "w1 += 0x5" },
        { "0c 21 00 00 00 00 00 00", "w1 += w2" },
        { "14 01 00 00 05 00 00 00", "w1 -= 0x5" },
        { "1c 21 00 00 00 00 00 00", "w1 -= w2" },
        { "24 03 00 00 ff ff ff 7f", "w3 *= 0x7fffffff" },
        { "2c 21 00 00 00 00 00 00", "w1 *= w2" },
        { "34 01 00 00 ff ff ff ff", "w1 /= -0x1" },
        { "34 00 01 00 03 00 00 00", "w0 s/= 0x3" },
        { "3c 21 00 00 00 00 00 00", "w1 /= w2" },
        { "44 01 00 00 f0 00 00 00", "w1 |= 0xf0" },
        { "4c 21 00 00 00 00 00 00", "w1 |= w2" },
        { "54 01 00 00 ff 00 00 00", "w1 &= 0xff" },
        { "5c 21 00 00 00 00 00 00", "w1 &= w2" },
        { "64 01 00 00 20 00 00 00", "w1 <<= 0x20" },
        { "6c 21 00 00 00 00 00 00", "w1 <<= w2" },
        { "74 01 00 00 02 00 00 00", "w1 >>= 0x2" },
        { "7c 21 00 00 00 00 00 00", "w1 >>= w2" },
        { "84 00 00 00 00 00 00 00", "w0 = -w0" },
        { "94 01 00 00 07 00 00 00", "w1 %= 0x7" },
        { "9c 21 00 00 00 00 00 00", "w1 %= w2" },
        { "a4 01 00 00 01 00 00 00", "w1 ^= 0x1" },
        { "ac 21 00 00 00 00 00 00", "w1 ^= w2" },
        { "b4 00 00 00 01 00 00 00", "w0 = 0x1" },
        { "bc 10 00 00 00 00 00 00", "w0 = w1" },
        { "bc 74 08 00 00 00 00 00", "w4 = (s8)w7" },
        { "bc 74 10 00 00 00 00 00", "w4 = (s16)w7" },
        { "c4 01 00 00 02 00 00 00", "w1 s>>= 0x2" },
        { "cc 21 00 00 00 00 00 00", "w1 s>>= w2" },
        { "d4 00 00 00 10 00 00 00", "r0 = le16 r0" },
        { "d4 00 00 00 20 00 00 00", "r0 = le32 r0" },
        { "d4 00 00 00 40 00 00 00", "r0 = le64 r0" },
        { "dc 00 00 00 10 00 00 00", "r0 = be16 r0" },
        { "dc 00 00 00 20 00 00 00", "r0 = be32 r0" },
        { "dc 00 00 00 40 00 00 00", "r0 = be64 r0" },

        // ALU64: r registers; neg, signed div/mod, movsx (offset 8/16/32), bswap
        { "07 02 00 00 fc ff ff ff", "r2 += -0x4" },
        { "0f 21 00 00 00 00 00 00", "r1 += r2" },
        { "17 01 00 00 ff ff ff ff", "r1 -= -0x1" },
        { "1f 21 00 00 00 00 00 00", "r1 -= r2" },
        { "27 01 00 00 05 00 00 00", "r1 *= 0x5" },
        { "2f 21 00 00 00 00 00 00", "r1 *= r2" },
        { "37 00 01 00 fe ff ff ff", "r0 s/= -0x2" },
        { "3f 10 00 00 00 00 00 00", "r0 /= r1" },
        { "3f 10 01 00 00 00 00 00", "r0 s/= r1" },
        { "47 01 00 00 05 00 00 00", "r1 |= 0x5" },
        { "4f 12 00 00 00 00 00 00", "r2 |= r1" },
        { "57 01 00 00 05 00 00 00", "r1 &= 0x5" },
        { "5f 12 00 00 00 00 00 00", "r2 &= r1" },
        { "67 01 00 00 05 00 00 00", "r1 <<= 0x5" },
        { "6f 12 00 00 00 00 00 00", "r2 <<= r1" },
        { "77 01 00 00 05 00 00 00", "r1 >>= 0x5" },
        { "7f 12 00 00 00 00 00 00", "r2 >>= r1" },
        { "87 00 00 00 00 00 00 00", "r0 = -r0" },
        { "97 00 01 00 03 00 00 00", "r0 s%= 0x3" },
        { "9f 10 01 00 00 00 00 00", "r0 s%= r1" },
        { "a7 01 00 00 05 00 00 00", "r1 ^= 0x5" },
        { "af 12 00 00 00 00 00 00", "r2 ^= r1" },
        { "b7 00 00 00 01 00 00 00", "r0 = 0x1" },
        { "bf 21 00 00 00 00 00 00", "r1 = r2" },
        { "bf 21 08 00 00 00 00 00", "r1 = (s8)r2" },
        { "bf 21 10 00 00 00 00 00", "r1 = (s16)r2" },
        { "bf 21 20 00 00 00 00 00", "r1 = (s32)r2" },
        { "c7 01 00 00 05 00 00 00", "r1 s>>= 0x5" },
        { "cf 12 00 00 00 00 00 00", "r2 s>>= r1" },
        { "d7 03 00 00 10 00 00 00", "r3 = bswap16 r3" },
        { "d7 03 00 00 20 00 00 00", "r3 = bswap32 r3" },
        { "d7 03 00 00 40 00 00 00", "r3 = bswap64 r3" },

        // JMP: conditional (imm and reg), goto, call helper/local/kfunc, callx, exit
        { "05 00 01 00 00 00 00 00", "goto +0x1" },
        { "05 00 ff 7f 00 00 00 00", "goto +0x7fff" },
        { "15 01 23 00 00 00 00 00", "if r1 == 0x0 goto +0x23" },
        { "1d 12 fd ff 00 00 00 00", "if r2 == r1 goto -0x3" },
        { "25 01 01 00 ff ff ff ff", "if r1 > -0x1 goto +0x1" },
        { "2d 12 00 00 00 00 00 00", "if r2 > r1 goto +0x0" },
        { "35 01 00 80 ff ff ff 7f", "if r1 >= 0x7fffffff goto -0x8000" },
        { "3d 12 00 00 00 00 00 00", "if r2 >= r1 goto +0x0" },
        { "45 01 01 00 01 00 00 00", "if r1 & 0x1 goto +0x1" },
        { "4d 12 00 00 00 00 00 00", "if r2 & r1 goto +0x0" },
        { "55 01 01 00 fb ff ff ff", "if r1 != -0x5 goto +0x1" },
        { "5d 12 00 00 00 00 00 00", "if r2 != r1 goto +0x0" },
        { "65 01 01 00 0a 00 00 00", "if r1 s> 0xa goto +0x1" },
        { "6d 12 00 00 00 00 00 00", "if r2 s> r1 goto +0x0" },
        { "75 01 01 00 00 00 00 00", "if r1 s>= 0x0 goto +0x1" },
        { "7d 12 00 00 00 00 00 00", "if r2 s>= r1 goto +0x0" },
        { "85 00 00 00 01 00 00 00", "call 0x1" },
        { "85 10 00 00 ff ff ff ff", "call -0x1" },
        { "85 20 00 00 07 00 00 00", "call 0x7" },
        { "85 20 03 00 07 00 00 00", "call 0x7" },
        { "8d 01 00 00 00 00 00 00", "callx r1" },
        { "95 00 00 00 00 00 00 00", "exit" },
        { "a5 01 01 00 00 00 00 00", "if r1 < 0x0 goto +0x1" },
        { "ad 12 00 00 00 00 00 00", "if r2 < r1 goto +0x0" },
        { "b5 01 01 00 00 00 00 00", "if r1 <= 0x0 goto +0x1" },
        { "bd 12 00 00 00 00 00 00", "if r2 <= r1 goto +0x0" },
        { "c5 01 01 00 00 00 00 00", "if r1 s< 0x0 goto +0x1" },
        { "cd 12 00 00 00 00 00 00", "if r2 s< r1 goto +0x0" },
        { "d5 01 01 00 00 00 00 00", "if r1 s<= 0x0 goto +0x1" },
        { "dd 12 00 00 00 00 00 00", "if r2 s<= r1 goto +0x0" },

        // JMP32: conditional on w registers, gotol
        { "06 00 00 00 05 00 00 00", "gotol +0x5" },
        { "06 00 00 00 fb ff ff ff", "gotol -0x5" },
        { "16 01 01 00 00 00 00 00", "if w1 == 0x0 goto +0x1" },
        { "1e 21 fd ff 00 00 00 00", "if w1 == w2 goto -0x3" },
        { "26 01 02 00 05 00 00 00", "if w1 > 0x5 goto +0x2" },
        { "2e 21 fd ff 00 00 00 00", "if w1 > w2 goto -0x3" },
        { "36 01 02 00 05 00 00 00", "if w1 >= 0x5 goto +0x2" },
        { "3e 21 fd ff 00 00 00 00", "if w1 >= w2 goto -0x3" },
        { "46 01 02 00 05 00 00 00", "if w1 & 0x5 goto +0x2" },
        { "4e 21 fd ff 00 00 00 00", "if w1 & w2 goto -0x3" },
        { "56 01 ff ff 80 00 00 00", "if w1 != 0x80 goto -0x1" },
        { "5e 21 fd ff 00 00 00 00", "if w1 != w2 goto -0x3" },
        { "66 01 02 00 05 00 00 00", "if w1 s> 0x5 goto +0x2" },
        { "6e 21 fd ff 00 00 00 00", "if w1 s> w2 goto -0x3" },
        { "76 01 02 00 05 00 00 00", "if w1 s>= 0x5 goto +0x2" },
        { "7e 21 fd ff 00 00 00 00", "if w1 s>= w2 goto -0x3" },
        { "a6 01 02 00 05 00 00 00", "if w1 < 0x5 goto +0x2" },
        { "ae 21 fd ff 00 00 00 00", "if w1 < w2 goto -0x3" },
        { "b6 01 02 00 05 00 00 00", "if w1 <= 0x5 goto +0x2" },
        { "be 21 fd ff 00 00 00 00", "if w1 <= w2 goto -0x3" },
        { "c6 01 02 00 05 00 00 00", "if w1 s< 0x5 goto +0x2" },
        { "ce 21 fd ff 00 00 00 00", "if w1 s< w2 goto -0x3" },
        { "d6 01 02 00 05 00 00 00", "if w1 s<= 0x5 goto +0x2" },
        { "de 12 00 00 00 00 00 00", "if w2 s<= w1 goto +0x0" },

        // LD: lddw value and every pseudo kind (ld_pseudo), legacy packet loads
        { "18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "r1 = 0x0 ll" },
        { "18 01 00 00 78 56 34 12 00 00 00 00 00 00 f0 ff", "r1 = -0xfffffedcba988 ll" },
        { "18 01 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff", "r1 = -0x1 ll" },
        { "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00", "ld_pseudo\tr1, 0x1, 0x3" },
        { "18 21 00 00 03 00 00 00 00 00 00 00 04 00 00 00", "ld_pseudo\tr1, 0x2, 0x3" },
        { "18 31 00 00 ff ff ff ff 00 00 00 00 00 00 00 00", "ld_pseudo\tr1, 0x3, 0xffffffff" },
        { "18 41 00 00 01 00 00 00 00 00 00 00 00 00 00 00", "ld_pseudo\tr1, 0x4, 0x1" },
        { "18 51 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "ld_pseudo\tr1, 0x5, 0x0" },
        { "18 61 00 00 02 00 00 00 00 00 00 00 08 00 00 00", "ld_pseudo\tr1, 0x6, 0x2" },
        { "20 00 00 00 04 00 00 00", "r0 = *(u32 *)skb[0x4]" },
        { "28 00 00 00 04 00 00 00", "r0 = *(u16 *)skb[0x4]" },
        { "30 00 00 00 04 00 00 00", "r0 = *(u8 *)skb[0x4]" },
        { "40 20 00 00 00 00 00 00", "r0 = *(u32 *)skb[r2]" },
        { "48 30 00 00 00 00 00 00", "r0 = *(u16 *)skb[r3]" },
        { "50 40 00 00 08 00 00 00", "r0 = *(u8 *)skb[r4]" },

        // LDX: zero-extending (w for narrow sizes) and sign-extending loads
        { "61 21 04 00 00 00 00 00", "w1 = *(u32 *)(r2 + 0x4)" },
        { "69 21 fe ff 00 00 00 00", "w1 = *(u16 *)(r2 - 0x2)" },
        { "71 21 00 00 00 00 00 00", "w1 = *(u8 *)(r2 + 0x0)" },
        { "79 21 08 80 00 00 00 00", "r1 = *(u64 *)(r2 - 0x7ff8)" },
        { "81 21 01 00 00 00 00 00", "r1 = *(s32 *)(r2 + 0x1)" },
        { "89 21 fe ff 00 00 00 00", "r1 = *(s16 *)(r2 - 0x2)" },
        { "91 21 01 00 00 00 00 00", "r1 = *(s8 *)(r2 + 0x1)" },

        // ST: immediate stores
        { "62 0a fc ff 01 00 00 00", "*(u32 *)(r10 - 0x4) = 0x1" },
        { "6a 0a fe ff ff ff 00 00", "*(u16 *)(r10 - 0x2) = 0xffff" },
        { "72 0a ff 7f 80 00 00 00", "*(u8 *)(r10 + 0x7fff) = 0x80" },
        { "7a 0a f8 ff ff ff ff ff", "*(u64 *)(r10 - 0x8) = -0x1" },

        // STX: register stores, atomics 32 and 64
        { "63 12 04 00 00 00 00 00", "*(u32 *)(r2 + 0x4) = w1" },
        { "6b 12 04 00 00 00 00 00", "*(u16 *)(r2 + 0x4) = w1" },
        { "73 12 04 00 00 00 00 00", "*(u8 *)(r2 + 0x4) = w1" },
        { "7b 12 f8 ff 00 00 00 00", "*(u64 *)(r2 - 0x8) = r1" },
        { "c3 21 00 00 00 00 00 00", "lock *(u32 *)(r1 + 0x0) += w2" },
        { "c3 21 00 00 40 00 00 00", "lock *(u32 *)(r1 + 0x0) |= w2" },
        { "c3 21 00 00 50 00 00 00", "lock *(u32 *)(r1 + 0x0) &= w2" },
        { "c3 21 00 00 a0 00 00 00", "lock *(u32 *)(r1 + 0x0) ^= w2" },
        { "c3 21 00 00 01 00 00 00", "w2 = atomic_fetch_add((u32 *)(r1 + 0x0), w2)" },
        { "c3 21 00 00 41 00 00 00", "w2 = atomic_fetch_or((u32 *)(r1 + 0x0), w2)" },
        { "c3 21 00 00 51 00 00 00", "w2 = atomic_fetch_and((u32 *)(r1 + 0x0), w2)" },
        { "c3 21 00 00 a1 00 00 00", "w2 = atomic_fetch_xor((u32 *)(r1 + 0x0), w2)" },
        { "c3 21 00 00 e1 00 00 00", "w2 = xchg32_32(r1 + 0x0, w2)" },
        { "c3 21 00 00 f1 00 00 00", "w0 = cmpxchg32_32(r1 + 0x0, w0, w2)" },
        { "db 21 00 00 00 00 00 00", "lock *(u64 *)(r1 + 0x0) += r2" },
        { "db 21 00 00 40 00 00 00", "lock *(u64 *)(r1 + 0x0) |= r2" },
        { "db 21 00 00 50 00 00 00", "lock *(u64 *)(r1 + 0x0) &= r2" },
        { "db 21 00 00 a0 00 00 00", "lock *(u64 *)(r1 + 0x0) ^= r2" },
        { "db 21 00 00 01 00 00 00", "r2 = atomic_fetch_add((u64 *)(r1 + 0x0), r2)" },
        { "db 21 00 00 41 00 00 00", "r2 = atomic_fetch_or((u64 *)(r1 + 0x0), r2)" },
        { "db 21 00 00 51 00 00 00", "r2 = atomic_fetch_and((u64 *)(r1 + 0x0), r2)" },
        { "db 21 00 00 a1 00 00 00", "r2 = atomic_fetch_xor((u64 *)(r1 + 0x0), r2)" },
        { "db 21 00 00 e1 00 00 00", "r2 = xchg_64(r1 + 0x0, r2)" },
        { "db 21 00 00 f1 00 00 00", "r0 = cmpxchg_64(r1 + 0x0, r0, r2)" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Formats_like_llvm_objdump(string hex, string expected)
    {
        var instruction = InstructionDecoder.Decode(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))).Single();
        Assert.Equal(expected, InstructionFormatter.Llvm.Format(instruction));
        Assert.Equal(expected, instruction.ToString());
    }

    [Fact]
    public void The_table_covers_every_valid_opcode()
    {
        var covered = Rows.Select(row => Convert.FromHexString(row.Data.Item1.Replace(" ", "", StringComparison.Ordinal))[0]).ToHashSet();
        var missing = EncodingSpace.Valid.Select(i => i.Opcode).Distinct().Where(op => !covered.Contains(op)).Select(op => $"0x{op:x2}");
        Assert.Empty(missing);
    }
}
