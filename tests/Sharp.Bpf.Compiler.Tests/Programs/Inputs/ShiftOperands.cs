using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>A value and a shift count; counts cover 0..65 and negatives, so C#'s masking to the width is exercised.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ShiftOperands
{
    /// <summary>The value shifted (programs narrow it to the type under test).</summary>
    public long Value;
    /// <summary>The shift count.</summary>
    public int Count;
}
