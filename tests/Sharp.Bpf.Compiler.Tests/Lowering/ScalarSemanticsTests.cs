using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>Integer semantics: each method below, lowered and interpreted, returns what C# returns, on boundary and
/// pseudo-random inputs of its parameter types.</summary>
public class ScalarSemanticsTests
{
    const string Source = """
        public enum Small : sbyte { A = -3, B = 5 }
        public enum Flags : byte { None = 0, X = 1, Y = 2, Z = 0x80 }
        public static class Subject
        {
            public static int AddInt(int a, int b) => a + b;
            public static uint Log2(uint value)
            {
                uint result = 0;
                uint shift = value > 0xFF ? 8u : 0u;
                value >>= (int)shift; result |= shift;
                shift = value > 0xF ? 4u : 0u;
                value >>= (int)shift; result |= shift;
                shift = value > 0x3 ? 2u : 0u;
                value >>= (int)shift; result |= shift;
                return result | value >> 1;
            }
            public static int ParameterReassignedFromConditional(int a, int b) { a = b > 0 ? a + 1 : a - 1; return a * 3 + b; }
            public static int ValueReadBeforeConditionalIncrement(int a, int b) => a + (b > 0 ? a++ : a--) * 2 + a;
            public static uint SubUInt(uint a, uint b) => a - b;
            public static long MulLong(long a, long b) => a * b;
            public static ulong MulULong(ulong a, ulong b) => a * b;
            public static int MulInt(int a, int b) => a * b;
            public static long IntToLong(int a) => a;
            public static ulong IntToULong(int a) => (ulong)a;
            public static int LongToInt(long a) => (int)a;
            public static long SByteToLong(sbyte a) => a;
            public static int SByteToInt(sbyte a) => a;
            public static uint SByteToUInt(sbyte a) => (uint)a;
            public static ushort SByteToUShort(sbyte a) => (ushort)a;
            public static short ByteToShort(byte a) => (short)a;
            public static sbyte IntToSByte(int a) => (sbyte)a;
            public static byte LongToByte(long a) => (byte)a;
            public static short IntToShort(int a) => (short)a;
            public static char IntToChar(int a) => (char)a;
            public static int CharToInt(char c) => c;
            public static byte ByteAdd(byte a, byte b) { byte c = a; c += b; return c; }
            public static sbyte SByteIncrement(sbyte a) { a++; return a; }
            public static short ShortDecrement(short a) { --a; return a; }
            public static int PostfixIncrement(int a) { int b = a++; return b * 3 + a; }
            public static int ShiftLeftInt(int a, int b) => a << b;
            public static int ShiftRightInt(int a, int b) => a >> b;
            public static uint ShiftRightUInt(uint a, int b) => a >> b;
            public static int UnsignedShiftRightInt(int a, int b) => a >>> b;
            public static long ShiftRightLong(long a, int b) => a >> b;
            public static ulong ShiftLeftULong(ulong a, int b) => a << b;
            public static int ShiftByConstantAboveWidth(int a) => a << 33;
            public static long ShiftLongByConstant(long a) => a >> 65;
            public static int ShiftSByte(sbyte a, int b) => a >> b;
            public static byte CompoundShiftByte(byte a, int b) { a <<= b; return a; }
            public static int Negate(int a) => -a;
            public static long NegateLong(long a) => -a;
            public static int Complement(int a) => ~a;
            public static uint ComplementUInt(uint a) => ~a;
            public static int ComplementByte(byte a) => ~a;
            public static bool Not(bool a) => !a;
            public static int BitwiseMix(int a, int b) => (a & b) | (a ^ ~b);
            public static long MixedWidth(int a, long b) => a + b;
            public static long IntPlusUInt(int a, uint b) => a + b;
            public static bool LessSigned(int a, int b) => a < b;
            public static bool LessUnsigned(uint a, uint b) => a < b;
            public static bool LessEqualLong(long a, long b) => a <= b;
            public static bool GreaterULong(ulong a, ulong b) => a > b;
            public static bool SByteCompare(sbyte a, sbyte b) => a >= b;
            public static bool ShortEquals(short a, short b) => a == b;
            public static bool CompareWithConstantOnLeft(int a) => 5 < a;
            public static bool EqualsUIntMax(uint a) => a == uint.MaxValue;
            public static bool AndAlso(int a, int b) => a > 0 && b > 0;
            public static bool OrElse(int a, int b) => a > 0 || b < -5;
            public static int Conditional(int a, int b) => a > b ? a - b : b - a;
            public static long NestedConditional(long a, long b) => a == 0 ? 1 : b == 0 ? 2 : a < b ? 3 : 4;
            public static int IfElse(int a)
            {
                if (a < 0) return -1;
                else if (a == 0) return 0;
                return 1;
            }
            public static int CountBits(uint a)
            {
                int count = 0;
                for (int i = 0; i < 32; i++)
                    if ((a & (1u << i)) != 0) count++;
                return count;
            }
            public static int WhileBreakContinue(int a)
            {
                int i = 0, sum = 0;
                while (i < 40)
                {
                    i++;
                    if ((i & 1) == 0) continue;
                    if (sum > a) break;
                    sum += i;
                }
                return sum;
            }
            public static int DoWhile(byte a)
            {
                int n = 0;
                do { n++; a >>= 1; } while (a != 0);
                return n;
            }
            public static int SwitchStatement(int a)
            {
                switch (a)
                {
                    case 0: return 10;
                    case 1:
                    case 2: return 20;
                    case -1: return 30;
                    case int.MinValue: return 40;
                    default: return 50;
                }
            }
            public static int SwitchExpressionRelational(long a) => a switch
            {
                < -100 => 1,
                >= -100 and < 0 => 2,
                0 => 3,
                1 or 2 or 3 => 4,
                not 100 => 5,
                _ => 6,
            };
            public static bool IsPattern(int a) => a is > 10 and < 20 or 42;
            public static int SwitchOnEnum(Small s) => s switch { Small.A => 1, Small.B => 2, _ => 3 };
            public static bool EnumCompare(Small a, Small b) => a < b;
            public static Flags EnumFlags(Flags a, Flags b) => (a | b) & ~Flags.Y;
            public static bool EnumHasFlag(Flags a) => (a & Flags.Z) != 0;
            public static int Assignments(int a)
            {
                int x = a, y;
                x += 3; x -= 1; x *= 5; x &= 0x7FFF; x |= 1; x ^= 0x55; x <<= 2; x >>= 1;
                y = x = x + 1;
                return x + y;
            }
            public static uint Constants() => 0xFFFF_FFFFu - 1;
            public static int DivideByConstant(int a) => a / 7;
            public static int ModuloByConstant(int a) => a % -3;
            public static long DivideLongByConstant(long a) => a / -1000;
            public static uint DivideUnsigned(uint a, uint b) => b == 0 ? 0 : a / b;
            public static ulong ModuloULong(ulong a, ulong b) { if (b == 0) return 1; return a % b; }
            public static int DivideAfterGuard(int a, int b)
            {
                if (b == 0 || b == -1) return 0;
                return a / b;
            }
            public static int ModuloAfterPositiveGuard(int a, int b)
            {
                if (b <= 0) return -1;
                return a % b;
            }
            public static int DivideShortOperands(short a, short b) => b != 0 ? a / b : 0;
            public static int DivideByByte(int a, byte b) => b == 0 ? 0 : a / b;
            public static long DivideLongNegativeGuard(long a, long b) => b > 0 ? a / b : b < -1 ? a % b : 7;
            public static int LoopDivision(int a, int b)
            {
                if (b == 0 || b == -1) return 0;
                int total = 0;
                for (int i = 0; i < 4; i++) total += (a >> i) / b + (a % 5);
                return total;
            }
            public static ushort CharArithmetic(char c) => (ushort)(c + 1);
            public static bool BoolLogic(bool a, bool b) => a & !b | (a ^ b);
            public static int UncheckedOverflow(int a) => unchecked(a * 65537 + int.MaxValue);
            public static sbyte SByteCompoundShiftRight(sbyte a, int b) { a >>= b; return a; }
            public static short ShortCompoundMultiply(short a, short b) { a *= b; return a; }
            public static ushort UShortCompoundSubtract(ushort a, ushort b) { a -= b; return a; }
            public static int SwitchWithGuards(int a)
            {
                switch (a)
                {
                    case > 1000: return 1;
                    case var x when (x & 3) == 0: return 2;
                    case < -1000 or 7: return 3;
                    default: return 4;
                }
            }
            public static int NestedLoopsWithGoto(int a)
            {
                int found = -1;
                for (int i = 0; i < 8; i++)
                    for (int j = 0; j < 8; j++)
                        if (i * 8 + j == (a & 127)) { found = i * 100 + j; goto done; }
                done:
                return found;
            }
            public static long TernaryChain(int a, long b) => a < 0 ? b : a == 0 ? -b : (a & 1) == 0 ? b >> 1 : b << 1;
            public static nint NativeInt(nint a) => a * 3 - 1;
        }
        """;

    static readonly LoweringHarness Harness = new(Source);

    public static TheoryData<string> Methods => [.. Harness.Compilation.GetTypeByMetadataName("Subject")!
        .GetMembers().OfType<Microsoft.CodeAnalysis.IMethodSymbol>()
        .Where(m => m.MethodKind == Microsoft.CodeAnalysis.MethodKind.Ordinary)
        .Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Lowered_method_returns_what_CSharp_returns(string method) => Harness.AssertSameResults(method);
}
