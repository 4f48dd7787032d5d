using System.Buffers.Binary;

namespace Sharp.Bpf.Asm;

/// <summary>Decodes little-endian eBPF instruction bytes, accepting only valid encodings (RFC 9669).</summary>
public static class InstructionDecoder
{
    /// <summary>Decodes a whole instruction stream.</summary>
    /// <exception cref="InstructionFormatException">The length is not a multiple of 8, an <c>lddw</c> lacks its
    /// second slot, or an instruction is not a valid encoding; the message names the byte offset.</exception>
    public static Instruction[] Decode(ReadOnlySpan<byte> bytes) =>
        TryDecode(bytes, out var instructions, out var error) ? instructions : throw error;

    /// <summary>Decodes a whole instruction stream, returning false and the error instead of throwing.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out Instruction[] instructions, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out InstructionFormatException? error)
    {
        var result = new List<Instruction>(bytes.Length / Instruction.SlotSize);
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (!TryDecodeOne(bytes[offset..], offset, out var insn, out error))
            {
                instructions = [];
                return false;
            }
            result.Add(insn);
            offset += insn.SlotCount * Instruction.SlotSize;
        }
        instructions = [.. result];
        error = null;
        return true;
    }

    /// <summary>Decodes the instruction at the start of <paramref name="bytes"/>;
    /// <paramref name="streamOffset"/> is only used in the error message.</summary>
    public static bool TryDecodeOne(ReadOnlySpan<byte> bytes, int streamOffset, out Instruction instruction, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out InstructionFormatException? error)
    {
        instruction = default;
        if (bytes.Length < Instruction.SlotSize)
        {
            error = new InstructionFormatException(streamOffset, $"truncated instruction: {bytes.Length} byte(s) left, need 8");
            return false;
        }
        var insn = ReadSlot(bytes);
        if (insn.IsWide)
        {
            if (bytes.Length < 2 * Instruction.SlotSize)
            {
                error = new InstructionFormatException(streamOffset, "lddw is missing its second slot");
                return false;
            }
            var next = ReadSlot(bytes[Instruction.SlotSize..]);
            if (next.Opcode != 0 || next.Destination != 0 || next.Source != 0 || next.Offset != 0)
            {
                error = new InstructionFormatException(streamOffset + Instruction.SlotSize,
                    $"second slot of lddw must have opcode, registers and offset 0, found opcode 0x{next.Opcode:x2}, dst {(int)next.Destination}, src {(int)next.Source}, offset {next.Offset}");
                return false;
            }
            insn = insn with { NextImmediate = next.Immediate };
        }
        if (insn.Validate() is { } reason)
        {
            error = new InstructionFormatException(streamOffset, reason);
            return false;
        }
        instruction = insn;
        error = null;
        return true;
    }

    static Instruction ReadSlot(ReadOnlySpan<byte> slot) => new(
        slot[0],
        (Register)(slot[1] & 0x0f),
        (Register)(slot[1] >> 4),
        BinaryPrimitives.ReadInt16LittleEndian(slot[2..]),
        BinaryPrimitives.ReadInt32LittleEndian(slot[4..]));
}
