namespace Sharp.Bpf.Asm;

/// <summary>Encodes instructions to little-endian eBPF bytes.</summary>
public static class InstructionEncoder
{
    /// <summary>Encodes the instructions, checking each against RFC 9669.</summary>
    /// <exception cref="InstructionFormatException">An instruction is not a valid encoding; the message names its byte offset.</exception>
    public static byte[] Encode(IEnumerable<Instruction> instructions)
    {
        var list = instructions as IReadOnlyCollection<Instruction> ?? [.. instructions];
        var bytes = new byte[SlotCount(list) * Instruction.SlotSize];
        int offset = 0;
        foreach (var insn in list)
        {
            if (insn.Validate() is { } reason) throw new InstructionFormatException(offset, reason);
            insn.WriteTo(bytes.AsSpan(offset));
            offset += insn.SlotCount * Instruction.SlotSize;
        }
        return bytes;
    }

    /// <summary>Number of 8-byte slots the instructions occupy.</summary>
    public static int SlotCount(IEnumerable<Instruction> instructions) => instructions.Sum(i => i.SlotCount);
}
