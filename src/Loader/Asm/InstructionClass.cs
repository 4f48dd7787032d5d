namespace Sharp.Bpf.Asm;

/// <summary>The three low bits of an opcode (RFC 9669 §3.3).</summary>
public enum InstructionClass : byte
{
    /// <summary>Non-standard loads: <c>lddw</c> and the legacy packet loads.</summary>
    Ld = 0x00,
    /// <summary>Loads into a register.</summary>
    Ldx = 0x01,
    /// <summary>Stores of an immediate.</summary>
    St = 0x02,
    /// <summary>Stores of a register, and atomics.</summary>
    Stx = 0x03,
    /// <summary>32-bit arithmetic.</summary>
    Alu = 0x04,
    /// <summary>64-bit jumps, calls and exit.</summary>
    Jmp = 0x05,
    /// <summary>32-bit jumps.</summary>
    Jmp32 = 0x06,
    /// <summary>64-bit arithmetic.</summary>
    Alu64 = 0x07,
}
