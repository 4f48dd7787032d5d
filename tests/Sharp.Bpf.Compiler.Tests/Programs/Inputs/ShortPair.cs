using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>short</c> operands, as the short programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ShortPair
{
    /// <summary>The left operand.</summary>
    public short A;
    /// <summary>The right operand.</summary>
    public short B;
}
