namespace Sharp.Bpf.Asm;

/// <summary>The mode field of a load or store opcode.</summary>
public enum MemoryMode : byte
{
    /// <summary>64-bit immediate load (<c>lddw</c>), class LD only.</summary>
    Immediate = 0x00,
    /// <summary>Legacy packet load at an absolute offset (socket filters and tc).</summary>
    Absolute = 0x20,
    /// <summary>Legacy packet load at a register-relative offset.</summary>
    Indirect = 0x40,
    /// <summary>Regular load or store.</summary>
    Memory = 0x60,
    /// <summary>Sign-extending load (ISA v4, Linux 6.6).</summary>
    MemorySignExtend = 0x80,
    /// <summary>Atomic read-modify-write.</summary>
    Atomic = 0xc0,
}
