namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>ref parameters through two levels of calls: a void method whose only statement is an if without else.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarRefCalls
{
    static void Swap(ref int a, ref int b)
    {
        int t = a;
        a = b;
        b = t;
    }

    static void Order(ref int low, ref int high)
    {
        if (low > high) Swap(ref low, ref high);
    }

    /// <summary>ref parameters through two levels of calls.</summary>
    [Tc]
    public static TcAction RefParameters(SkBuff skb)
    {
        int low = (int)skb.Mark;
        int high = (int)skb.Priority;
        Order(ref low, ref high);
        return (TcAction)((high - low) ^ (low << 3));
    }
}
