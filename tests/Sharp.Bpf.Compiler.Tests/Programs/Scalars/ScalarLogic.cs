namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>bool values and operators: &amp;, |, ^, ! and == on bools, short-circuit &amp;&amp; and || (whose right side
/// must not run — here it would divide by zero), and ?: chains.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarLogic
{
    /// <summary>Non-short-circuit operators on bools, each result one bit.</summary>
    [Tc]
    public static TcAction BoolOperators(SkBuff skb)
    {
        bool x = (int)skb.Mark > 0;
        bool y = (int)skb.Priority < 0;
        return (TcAction)((x & y ? 1 : 0) | (x | y ? 2 : 0) | (x ^ y ? 4 : 0) | (!x ? 8 : 0) | (x == y ? 16 : 0));
    }

    /// <summary>&amp;&amp; guards a division; || skips it.</summary>
    [Tc]
    public static TcAction ShortCircuit(SkBuff skb)
    {
        uint a = skb.Mark;
        uint b = skb.Priority;
        bool large = a != 0 && b / a > 2;
        bool small = a == 0 || b % a == 1;
        return (TcAction)((large ? 1 : 0) + (small ? 2 : 0));
    }

    /// <summary>Nested ?: choosing between computed values.</summary>
    [Tc]
    public static TcAction Conditional(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int max = a > b ? a : b;
        int min = a < b ? a : b;
        int sign = a > 0 ? 1 : a < 0 ? -1 : 0;
        uint unsignedMax = (uint)a > (uint)b ? (uint)a : (uint)b;
        return (TcAction)((max - min) ^ sign ^ (int)unsignedMax);
    }
}
