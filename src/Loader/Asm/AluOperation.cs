namespace Sharp.Bpf.Asm;

/// <summary>The operation field (high four bits) of an ALU or ALU64 opcode.</summary>
/// <remarks>Signed division and modulo (ISA v4, Linux 6.6) are <see cref="Div"/> and <see cref="Mod"/>
/// with offset 1; sign-extending moves are <see cref="Mov"/> with offset 8, 16 or 32.</remarks>
public enum AluOperation : byte
{
    /// <summary>dst += src</summary>
    Add = 0x00,
    /// <summary>dst -= src</summary>
    Sub = 0x10,
    /// <summary>dst *= src</summary>
    Mul = 0x20,
    /// <summary>dst /= src (0 when src is 0)</summary>
    Div = 0x30,
    /// <summary>dst |= src</summary>
    Or = 0x40,
    /// <summary>dst &amp;= src</summary>
    And = 0x50,
    /// <summary>dst &lt;&lt;= src (masked to the width)</summary>
    Lsh = 0x60,
    /// <summary>dst &gt;&gt;= src, logical</summary>
    Rsh = 0x70,
    /// <summary>dst = -dst</summary>
    Neg = 0x80,
    /// <summary>dst %= src (dst unchanged when src is 0)</summary>
    Mod = 0x90,
    /// <summary>dst ^= src</summary>
    Xor = 0xa0,
    /// <summary>dst = src</summary>
    Mov = 0xb0,
    /// <summary>dst &gt;&gt;= src, arithmetic</summary>
    Arsh = 0xc0,
    /// <summary>Byte swap / endianness conversion.</summary>
    End = 0xd0,
}
