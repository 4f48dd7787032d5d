using System.Buffers.Binary;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Carries a packet's leading <see cref="ContextOperands"/> into the socket buffer fields a program reads: the
/// kernel's <c>struct __sk_buff</c> passed as the test run's context, and the same fields on a managed
/// <see cref="SkBuff"/>.</summary>
public static class SkBuffContext
{
    /// <summary><c>sizeof(struct __sk_buff)</c>.</summary>
    public const int Size = 192;

    const int MarkOffset = 8;
    const int PriorityOffset = 32;
    const int TimestampOffset = 152;

    /// <summary>The operands at the start of <paramref name="packet"/>.</summary>
    public static ContextOperands OperandsOf(byte[] packet) => new()
    {
        Mark = BinaryPrimitives.ReadUInt32LittleEndian(packet),
        Priority = BinaryPrimitives.ReadUInt32LittleEndian(packet.AsSpan(4)),
        Timestamp = BinaryPrimitives.ReadUInt64LittleEndian(packet.AsSpan(8)),
    };

    /// <summary>A <c>struct __sk_buff</c> with only <c>mark</c>, <c>priority</c> and <c>tstamp</c> set (the kernel
    /// refuses a test context with other fields set).</summary>
    public static byte[] KernelContext(byte[] packet)
    {
        var operands = OperandsOf(packet);
        var context = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(MarkOffset), operands.Mark);
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(PriorityOffset), operands.Priority);
        BinaryPrimitives.WriteUInt64LittleEndian(context.AsSpan(TimestampOffset), operands.Timestamp);
        return context;
    }

    /// <summary>A managed socket buffer over <paramref name="packet"/> with the same fields set.</summary>
    public static SkBuff Managed(byte[] packet)
    {
        var operands = OperandsOf(packet);
        var skb = SkBuff.FromPacket(packet);
        skb.Mark = operands.Mark;
        skb.Priority = operands.Priority;
        skb.Timestamp = operands.Timestamp;
        return skb;
    }
}
