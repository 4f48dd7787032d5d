using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>foreach over an [InlineArray] struct, by value, by ref and by ref readonly, lowered as a loop counted up to
/// the constant length: each method below, lowered and interpreted, returns what C# returns.</summary>
public class ForEachTests
{
    const string Source = """
        using System.Runtime.CompilerServices;

        [InlineArray(4)] public struct Four { int element; }
        [InlineArray(3)] public struct Bytes { byte element; }
        [InlineArray(2)] public struct Longs { long element; }
        public struct Holder { public int Tag; public Four Values; }

        public static class Subject
        {
            static Four Filled(int a)
            {
                Four f = default;
                for (int i = 0; i < 4; i++) f[i] = a * (i + 1);
                return f;
            }

            public static int SumsByValue(int a)
            {
                var f = Filled(a);
                int sum = 0;
                foreach (var x in f) sum = sum * 3 + x;
                return sum;
            }
            public static int WritesThroughRef(int a)
            {
                Four f = default;
                int n = 0;
                foreach (ref var x in f) x = a + n++;
                return f[0] * 1000 + f[1] * 100 + f[2] * 10 + f[3];
            }
            public static int ReadsThroughRefReadonly(int a)
            {
                var f = Filled(a);
                int max = int.MinValue;
                foreach (ref readonly var x in f) if (x > max) max = x;
                return max;
            }
            public static int ByteElements(byte a)
            {
                Bytes b = default;
                b[1] = a;
                b[2] = (byte)(a * 3);
                int sum = 0;
                foreach (var x in b) sum = sum * 7 + x;
                return sum;
            }
            public static long LongElementsInAStructField(long a)
            {
                var h = new Holder { Tag = 5 };
                foreach (ref var x in h.Values) x = (int)a ^ h.Tag++;
                Longs l = default;
                l[0] = a;
                l[1] = -a;
                long sum = h.Tag;
                foreach (var x in l) sum += x * 3;
                foreach (var x in h.Values) sum += x;
                return sum;
            }
            public static int BreaksAndContinues(int a)
            {
                var f = Filled(a);
                int sum = 0;
                foreach (var x in f)
                {
                    if ((x & 1) == 0) continue;
                    if (x > 1000) break;
                    sum += x;
                }
                return sum;
            }
            public static int OverAReturnedArray(int a)
            {
                int sum = 0;
                foreach (var x in Filled(a)) sum = sum * 5 - x;
                return sum;
            }
            public static int Nested(int a)
            {
                var f = Filled(a);
                int sum = 0;
                foreach (var x in f)
                    foreach (var y in f)
                        sum += x ^ y;
                return sum;
            }
        }
        """;

    static readonly LoweringHarness Harness = new(Source);

    public static TheoryData<string> Methods => Harness.PublicMethods();

    [Theory]
    [MemberData(nameof(Methods))]
    public void Foreach_over_an_inline_array_returns_what_CSharp_returns(string method) => Harness.AssertSameResults(method);
}
