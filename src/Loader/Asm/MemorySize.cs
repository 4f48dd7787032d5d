namespace Sharp.Bpf.Asm;

/// <summary>The size field of a load or store opcode.</summary>
public enum MemorySize : byte
{
    /// <summary>4 bytes.</summary>
    Word = 0x00,
    /// <summary>2 bytes.</summary>
    Half = 0x08,
    /// <summary>1 byte.</summary>
    Byte = 0x10,
    /// <summary>8 bytes.</summary>
    DoubleWord = 0x18,
}
