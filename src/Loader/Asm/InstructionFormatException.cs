namespace Sharp.Bpf.Asm;

/// <summary>Bytes that are not a valid eBPF instruction stream, or an instruction whose fields are not a valid encoding.</summary>
public sealed class InstructionFormatException : FormatException
{
    /// <summary>Creates the exception for the instruction at <paramref name="byteOffset"/>.</summary>
    public InstructionFormatException(int byteOffset, string reason)
        : base($"at byte offset {byteOffset} (instruction {byteOffset / Instruction.SlotSize}): {reason}")
    {
        ByteOffset = byteOffset;
        Reason = reason;
    }

    /// <summary>Byte offset of the offending instruction in the stream.</summary>
    public int ByteOffset { get; }
    /// <summary>Slot index of the offending instruction.</summary>
    public int SlotIndex => ByteOffset / Instruction.SlotSize;
    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
