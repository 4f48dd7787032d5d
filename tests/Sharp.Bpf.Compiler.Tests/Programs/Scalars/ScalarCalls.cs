namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Calls to static methods of the class: value, ref, out and in parameters, nested calls and a struct result.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarCalls
{
    /// <summary>Two ints passed and returned as one value.</summary>
    public struct Pair
    {
        /// <summary>The first.</summary>
        public int First;
        /// <summary>The second.</summary>
        public int Second;
    }

    static int Clamp(int value, int low, int high) => value < low ? low : value > high ? high : value;

    static bool TryHalve(int value, out int half)
    {
        if ((value & 1) != 0)
        {
            half = 0;
            return false;
        }
        half = value / 2;
        return true;
    }

    static long Dot(in Pair a, in Pair b) => (long)a.First * b.First + (long)a.Second * b.Second;

    static int Square(int x) => x * x;

    static int Twice(int x) => x + x;

    static Pair Halves(int value) => new Pair { First = value >> 16, Second = value & 0xFFFF };

    /// <summary>Value parameters: Clamp(a, -100, b) when b ≥ -100.</summary>
    [Tc]
    public static TcAction ValueParameters(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        return (TcAction)(b < -100 ? 0 : Clamp(a, -100, b));
    }

    /// <summary>An out parameter assigned on both paths, declared at the call.</summary>
    [Tc]
    public static TcAction OutParameters(SkBuff skb)
    {
        return (TcAction)(TryHalve((int)skb.Mark, out int half) ? half : -1);
    }

    /// <summary>in parameters of struct type.</summary>
    [Tc]
    public static TcAction InParameters(SkBuff skb)
    {
        var p = new Pair { First = (int)skb.Mark, Second = (int)skb.Priority };
        var q = new Pair { First = (int)skb.Priority, Second = 3 };
        long dot = Dot(in p, in q);
        return (TcAction)((int)dot ^ (int)(dot >> 32));
    }

    /// <summary>Nested calls and a struct returned by value.</summary>
    [Tc]
    public static TcAction NestedCallsAndStructResult(SkBuff skb)
    {
        var halves = Halves(Twice(Square((int)skb.Mark)));
        return (TcAction)(halves.First ^ Twice(halves.Second));
    }
}
