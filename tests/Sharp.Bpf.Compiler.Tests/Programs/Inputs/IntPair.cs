using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>int</c> operands, as the int programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct IntPair
{
    /// <summary>The left operand.</summary>
    public int A;
    /// <summary>The right operand.</summary>
    public int B;
}
