using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>Two <c>ushort</c> operands, as the ushort programs read them from the packet.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct UShortPair
{
    /// <summary>The left operand.</summary>
    public ushort A;
    /// <summary>The right operand.</summary>
    public ushort B;
}
