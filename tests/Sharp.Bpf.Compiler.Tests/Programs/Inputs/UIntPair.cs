using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>uint</c> operands, as the uint programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct UIntPair
{
    /// <summary>The left operand.</summary>
    public uint A;
    /// <summary>The right operand.</summary>
    public uint B;
}
