using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>The operands of the scalar programs, which read them from <c>__sk_buff</c> fields that
/// <c>BPF_PROG_TEST_RUN</c> lets a test set: <c>mark</c>, <c>priority</c> and <c>tstamp</c>. The harness passes them both
/// in the test run's context and on the managed <see cref="Kernel.SkBuff"/>; they are also the packet's first bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ContextOperands
{
    /// <summary><c>skb.Mark</c>: the first 32-bit operand (programs cast it to the type under test).</summary>
    public uint Mark;
    /// <summary><c>skb.Priority</c>: the second 32-bit operand (a divisor, a shift count...).</summary>
    public uint Priority;
    /// <summary><c>skb.Timestamp</c>: a 64-bit operand.</summary>
    public ulong Timestamp;
}
