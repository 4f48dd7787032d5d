using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>long</c> operands, as the long programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LongPair
{
    /// <summary>The left operand.</summary>
    public long A;
    /// <summary>The right operand.</summary>
    public long B;
}
