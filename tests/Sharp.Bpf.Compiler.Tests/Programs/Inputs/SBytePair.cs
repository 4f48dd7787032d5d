using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>sbyte</c> operands, as the sbyte programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SBytePair
{
    /// <summary>The left operand.</summary>
    public sbyte A;
    /// <summary>The right operand.</summary>
    public sbyte B;
}
