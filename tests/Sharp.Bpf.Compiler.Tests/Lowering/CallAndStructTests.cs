using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>Inlined calls, ref parameters and locals, structs in stack slots and pointers to stack memory: each method
/// below, lowered and interpreted, returns what C# returns.</summary>
public class CallAndStructTests
{
    const string Source = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        public struct Point
        {
            public int X;
            public short Y;
            public Point(int x, short y) { X = x; Y = y; }
            public readonly long Sum() => X + Y;
            public void Scale(int factor) { X *= factor; Y = (short)(Y * factor); }
            public int Doubled => X * 2;
        }
        public struct Line { public Point From; public Point To; public byte Tag; }
        [StructLayout(LayoutKind.Explicit)]
        public struct Overlay { [FieldOffset(0)] public uint Whole; [FieldOffset(0)] public byte Low; [FieldOffset(3)] public sbyte High; }
        public unsafe struct Buffer { public fixed byte Bytes[8]; public int Length; }
        [InlineArray(4)] public struct Four { int element; }
        public struct Counter { public int Hits { get; set; } public long Bytes { get; private set; } public void Add(int n) { Hits++; Bytes += n; } }
        public readonly record struct Key(uint Address, ushort Port)
        {
            public Key Reversed() => new Key(~Address, (ushort)(Port + 1));
        }

        public static unsafe class Subject
        {
            static int Square(int x) => x * x;
            static int Clamp(int value, int low, int high) => value < low ? low : value > high ? high : value;
            static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
            static void Split(long value, out int high, out int low) { high = (int)(value >> 32); low = (int)value; }
            static int Reassigns(int x) { x += 10; return x; }
            static int ReadIn(in Point p) => p.X - p.Y;
            static int Early(int x)
            {
                if (x < 0) return -x;
                for (int i = 0; i < 3; i++) if (x > 1000) return i;
                return x;
            }
            static void Nothing() { }

            public static int CallsSquare(int a) => Square(a) + Square(a + 1);
            public static int CallsClamp(int a) => Clamp(a, -50, 50) * 3;
            public static int CallsSwap(int a, int b) { Swap(ref a, ref b); return a * 1000 + b; }
            public static long CallsSplit(long v) { Split(v, out int h, out int l); return (long)h + l; }
            public static int ArgumentIsCopied(int a) { int b = Reassigns(a); return a * 7 + b; }
            public static int NestedCalls(int a) => Clamp(Square(a & 0xFF), 100, Square(50));
            public static int EarlyReturns(int a) => Early(a) + Early(a ^ 0x5555);
            public static int VoidCall(int a) { Nothing(); return a; }
            public static int RefLocal(int a)
            {
                int x = a;
                ref int r = ref x;
                r += 5;
                return x;
            }
            public static long StructFields(int a, short b)
            {
                Point p;
                p.X = a;
                p.Y = b;
                return p.X * 3L + p.Y;
            }
            public static long StructConstructorAndMethods(int a, short b)
            {
                var p = new Point(a, b);
                p.Scale(3);
                return p.Sum() + p.Doubled;
            }
            public static int StructCopyIsIndependent(int a)
            {
                var p = new Point(a, 1);
                var q = p;
                q.X = 99;
                return p.X - q.X;
            }
            public static int ObjectInitializer(int a, short b)
            {
                var p = new Point { X = a, Y = b };
                return p.X ^ p.Y;
            }
            public static int DefaultStruct(int a)
            {
                Point p = default;
                return p.X + p.Y + a;
            }
            public static long NestedStruct(int a, short b)
            {
                Line line = default;
                line.From = new Point(a, b);
                line.To.X = a * 2;
                line.To.Y = (short)(b + 1);
                line.Tag = (byte)a;
                return line.From.Sum() + line.To.Sum() + line.Tag;
            }
            public static int InParameter(int a, short b) { var p = new Point(a, b); return ReadIn(in p); }
            public static int RefToStructField(int a)
            {
                var p = new Point(a, 2);
                ref int x = ref p.X;
                x <<= 2;
                return p.X;
            }
            public static uint ExplicitLayout(uint a)
            {
                Overlay o = default;
                o.Whole = a;
                return o.Low + (uint)(o.High * 3);
            }
            public static int InlineArrayConstantIndex(int a)
            {
                Four f = default;
                f[0] = a;
                f[3] = a * 2;
                return f[0] + f[1] + f[3];
            }
            public static int FixedBuffer(byte a)
            {
                Buffer buffer = default;
                buffer.Bytes[0] = a;
                buffer.Bytes[7] = (byte)(a + 1);
                buffer.Length = 8;
                return buffer.Bytes[0] + buffer.Bytes[7] + buffer.Length;
            }
            public static int InlineArrayCheckedIndex(int a, int i)
            {
                Four f = default;
                f[1] = a;
                if ((uint)i < 4) { f[i] = a * 5 + 1; return f[i] + f[1]; }
                return -1;
            }
            public static int FixedBufferCheckedIndex(byte a, uint i)
            {
                Buffer buffer = default;
                buffer.Bytes[2] = 9;
                if (i >= 8) return -2;
                buffer.Bytes[i] = a;
                return buffer.Bytes[i] * 1000 + buffer.Bytes[2];
            }
            public static int InlineArrayUnsignedLoop(int a)
            {
                Four f = default;
                for (uint i = 0; i < 4; i++) f[(int)i] = a + (int)i;
                int sum = 0;
                for (uint i = 0; i < 4; i++) sum = sum * 3 + f[(int)i];
                return sum;
            }
            public static int InlineArraySignedLoop(int a)
            {
                Four f = default;
                for (int i = 0; i < 4; i++) f[i] = a ^ i;
                int sum = 0;
                for (int i = 3; i >= 0; i--) if (i < 4) sum = sum * 5 + f[i];
                return sum;
            }
            public static int FixedBufferSignedLoop(byte a)
            {
                Buffer buffer = default;
                for (int i = 0; i < 8; i += 2) buffer.Bytes[i] = (byte)(a + i);
                int sum = 0;
                for (int i = 0; i <= 7; i++) sum += buffer.Bytes[i];
                return sum;
            }
            public static int SizeOfStruct(int a) => sizeof(Point) + sizeof(Line) + a;
            static Point Make(int x) => new Point(x, (short)(x >> 16));
            static Key MakeKey(uint a) { var key = new Key(a, 80); return key.Reversed(); }

            public static long StructReturnedFromCall(int a) { var p = Make(a); var q = Make(a + 1); return p.Sum() * 3 + q.Sum(); }
            public static long AutoProperties(int a)
            {
                var c = new Counter();
                c.Add(a);
                c.Add(a >> 3);
                c.Hits += 2;
                return c.Hits * 100000L + c.Bytes;
            }
            public static long RecordStruct(uint a)
            {
                var key = MakeKey(a);
                return key.Address + key.Port * 3L;
            }
            public static int ConditionalStruct(int a)
            {
                var p = new Point(a, 1);
                var q = new Point(-a, 2);
                var r = a > 0 ? p : q;
                return r.X + r.Y;
            }
            public static int PointerToLocal(int a)
            {
                int x = a;
                int* p = &x;
                *p = *p + 1;
                return x;
            }
            public static long PointerToStruct(int a)
            {
                Point p = new Point(a, 3);
                Point* q = &p;
                q->X = q->X * 2;
                (*q).Y = 4;
                return p.Sum();
            }
        }
        """;

    static readonly LoweringHarness Harness = new(Source);

    public static TheoryData<string> Methods => Harness.PublicMethods();

    [Theory]
    [MemberData(nameof(Methods))]
    public void Lowered_method_returns_what_CSharp_returns(string method) => Harness.AssertSameResults(method);
}
