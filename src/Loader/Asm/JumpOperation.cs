namespace Sharp.Bpf.Asm;

/// <summary>The operation field (high four bits) of a JMP or JMP32 opcode.</summary>
public enum JumpOperation : byte
{
    /// <summary>Unconditional jump (<c>ja</c>; in JMP32, <c>gotol</c> with a 32-bit offset in imm).</summary>
    Ja = 0x00,
    /// <summary>==</summary>
    Jeq = 0x10,
    /// <summary>&gt; unsigned</summary>
    Jgt = 0x20,
    /// <summary>&gt;= unsigned</summary>
    Jge = 0x30,
    /// <summary>dst &amp; src != 0</summary>
    Jset = 0x40,
    /// <summary>!=</summary>
    Jne = 0x50,
    /// <summary>&gt; signed</summary>
    Jsgt = 0x60,
    /// <summary>&gt;= signed</summary>
    Jsge = 0x70,
    /// <summary>Function call (JMP class only).</summary>
    Call = 0x80,
    /// <summary>Return (JMP class only).</summary>
    Exit = 0x90,
    /// <summary>&lt; unsigned</summary>
    Jlt = 0xa0,
    /// <summary>&lt;= unsigned</summary>
    Jle = 0xb0,
    /// <summary>&lt; signed</summary>
    Jslt = 0xc0,
    /// <summary>&lt;= signed</summary>
    Jsle = 0xd0,
}
