using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Structs whose layout TypeLayout must compute exactly as the CLR does. TypeLayoutTests compiles this file as source (the
// attribute path) and also reads these types from the test assembly's metadata (the metadata path), and compares both
// with the runtime's own layout of the compiled types.
namespace Sharp.Bpf.Compiler.Tests.Objects.LayoutSamples;

public static class SampleSource
{
    public static string Path([CallerFilePath] string path = "") => path;
}

public struct MixedSizes { public byte A; public int B; public short C; public long D; public bool E; public char F; }

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct PackedOne { public byte A; public int B; public short C; public long D; }

[StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PackedTwo { public byte A; public int B; public byte C; public long D; }

[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct PackedFour { public byte A; public long B; public byte C; }

[StructLayout(LayoutKind.Sequential, Pack = 16)]
public struct PackedSixteen { public byte A; public long B; }

[StructLayout(LayoutKind.Sequential, Size = 24)]
public struct SizedLarger { public int A; public byte B; }

[StructLayout(LayoutKind.Sequential, Size = 2)]
public struct SizedSmaller { public int A; public int B; }

[StructLayout(LayoutKind.Sequential, Size = 5)]
public struct SizedOdd { public int A; }

[StructLayout(LayoutKind.Explicit)]
public struct Union { [FieldOffset(0)] public int A; [FieldOffset(0)] public long B; [FieldOffset(9)] public byte C; }

[StructLayout(LayoutKind.Explicit, Pack = 1)]
public struct ExplicitPacked { [FieldOffset(1)] public long A; [FieldOffset(9)] public short B; }

[StructLayout(LayoutKind.Explicit, Size = 32)]
public struct ExplicitSized { [FieldOffset(4)] public int A; }

public struct Inner { public short A; public int B; }

public struct Outer { public byte A; public Inner B; public byte C; public PackedOne D; public ushort E; }

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct PackedOuter { public byte A; public Inner B; public MixedSizes C; }

public unsafe struct FixedBuffers { public int A; public fixed byte B[5]; public long C; public fixed ushort D[3]; }

[InlineArray(7)]
public struct SevenInts { int _element; }

[InlineArray(3)]
public struct ThreeInners { Inner _element; }

public struct WithInlineArrays { public byte A; public SevenInts B; public ThreeInners C; public byte D; }

public enum SmallCode : byte { Zero, One }

public enum BigCode : ulong { Low = 1, High = 0x8000_0000_0000_0000 }

public struct WithEnums { public SmallCode A; public BigCode B; public SmallCode C; }

public unsafe struct WithPointers { public byte A; public int* B; public void* C; public nint D; public nuint E; }

public unsafe struct Node { public int Value; public Node* Next; }

public struct WithProperties { public byte A; public int B { get; set; } public short C; public long D { get; init; } }

public struct Empty { }

public struct WithEmpty { public Empty A; public int B; }

public struct Pair<TFirst, TSecond> where TFirst : unmanaged where TSecond : unmanaged { public TFirst First; public TSecond Second; }

public record struct RecordStruct(byte A, long B, short C);

public struct WithFloats { public byte A; public double B; public float C; }

public struct WithStatics { public static int Ignored; public const int AlsoIgnored = 1; public byte A; public int B; }

// Unsupported: each has a "why not".
public sealed class AClass { public int A; }

public struct WithString { public int A; public string B; }

[StructLayout(LayoutKind.Auto)]
public struct AutoLayout { public int A; public byte B; }

public struct WithAutoLayout { public int A; public AutoLayout B; }

public ref struct ARefStruct { public int A; }

public struct WithInt128 { public Int128 A; }

public struct WithDecimal { public decimal A; }

public struct WithNestedObject { public int A; public WithString B; }
