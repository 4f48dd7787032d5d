using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>byte</c> operands, as the byte programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct BytePair
{
    /// <summary>The left operand.</summary>
    public byte A;
    /// <summary>The right operand.</summary>
    public byte B;
}
