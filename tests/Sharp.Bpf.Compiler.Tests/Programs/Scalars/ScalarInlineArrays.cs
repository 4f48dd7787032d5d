namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using System.Runtime.CompilerServices;
using Sharp.Bpf.Kernel;

/// <summary>An inline array indexed by constants and by a variable tested against its length, and iterated by foreach.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarInlineArrays
{
    /// <summary>Four ints as an inline array.</summary>
    [InlineArray(4)]
    public struct FourInts
    {
        int _first;
    }

    /// <summary>An inline array written at constant indexes and at a tested variable index, then read back.</summary>
    [Tc]
    public static TcAction InlineArray(SkBuff skb)
    {
        int a = (int)skb.Mark;
        var values = new FourInts();
        values[0] = a;
        values[3] = (int)skb.Priority;
        int index = a & 3;
        if ((uint)index < 4) values[index] += 7;
        return (TcAction)(values[0] ^ (values[1] << 1) ^ (values[2] << 2) ^ (values[3] << 3));
    }

    /// <summary>An inline array written through <c>foreach (ref var ...)</c> and summed by value: the counted loop over
    /// its constant length.</summary>
    [Tc]
    public static TcAction InlineArrayForeach(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        var values = new FourInts();
        foreach (ref var value in values)
        {
            value = a;
            a = a * 3 + b;
        }
        int sum = 0;
        foreach (var value in values) sum = (sum << 1) ^ value;
        return (TcAction)sum;
    }
}
