using System.Runtime.InteropServices;

namespace Sharp.Bpf.Compiler.Tests.Programs.Inputs;

/// <summary>One field of each C# integer type, for conversion and comparison programs.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MixedWidths
{
    /// <summary>An sbyte.</summary>
    public sbyte S8;
    /// <summary>A byte.</summary>
    public byte U8;
    /// <summary>A short.</summary>
    public short S16;
    /// <summary>A ushort.</summary>
    public ushort U16;
    /// <summary>An int.</summary>
    public int S32;
    /// <summary>A uint.</summary>
    public uint U32;
    /// <summary>A long.</summary>
    public long S64;
    /// <summary>A ulong.</summary>
    public ulong U64;
}
