using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>ulong</c> operands, as the ulong programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ULongPair
{
    /// <summary>The left operand.</summary>
    public ulong A;
    /// <summary>The right operand.</summary>
    public ulong B;
}
