namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Where the regression programs find their operands and put their results: an input struct at offset 0, results
/// (64-bit ones, or several at once) written at <see cref="OutputOffset"/>, in a packet of <see cref="Length"/> bytes, so
/// both the return value and the packet left behind (XDP and tc test runs copy it back) are compared.</summary>
public static class PacketLayout
{
    /// <summary>Where the input struct starts.</summary>
    public const int InputOffset = 0;

    /// <summary>Where programs write their results; input structs are at most this long.</summary>
    public const int OutputOffset = 32;

    /// <summary>The packet length of a complete input.</summary>
    public const int Length = 64;
}
