namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Loops with bounds the verifier can see: for, while and do with constant trip counts (or a constant cap),
/// break and continue, nested loops.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarLoops
{
    /// <summary>for over 32 bits: a population count.</summary>
    [Tc]
    public static TcAction ForPopCount(SkBuff skb)
    {
        uint a = skb.Mark;
        int count = 0;
        for (int i = 0; i < 32; i++)
            if (((a >> i) & 1) != 0) count++;
        return (TcAction)count;
    }

    /// <summary>while with a constant cap: Euclid's gcd (at most 47 steps for 32-bit operands).</summary>
    [Tc]
    public static TcAction WhileGcd(SkBuff skb)
    {
        uint a = skb.Mark;
        uint b = skb.Priority;
        int steps = 0;
        while (b != 0 && steps < 64)
        {
            uint t = a % b;
            a = b;
            b = t;
            steps++;
        }
        return (TcAction)((int)(a ^ (uint)(steps << 24)));
    }

    /// <summary>do/while with a constant cap: decimal digits of a uint.</summary>
    [Tc]
    public static TcAction DoWhileDigits(SkBuff skb)
    {
        uint value = skb.Mark;
        int digits = 0;
        do
        {
            digits++;
            value /= 10;
        }
        while (value != 0 && digits < 10);
        return (TcAction)digits;
    }

    /// <summary>continue skips set bits, break stops at a bit chosen by the input.</summary>
    [Tc]
    public static TcAction BreakContinue(SkBuff skb)
    {
        ulong bits = skb.Timestamp;
        int stop = (int)(skb.Priority & 63);
        int sum = 0;
        for (int i = 0; i < 64; i++)
        {
            if (((bits >> i) & 1) != 0) continue;
            if (i > stop) break;
            sum += i;
        }
        return (TcAction)sum;
    }

    /// <summary>Nested for loops over the nibbles of a ulong: FNV-1a.</summary>
    [Tc]
    public static TcAction NestedLoops(SkBuff skb)
    {
        ulong value = skb.Timestamp;
        uint hash = 2166136261;
        for (int i = 0; i < 8; i++)
        {
            byte b = (byte)(value >> (i * 8));
            for (int j = 0; j < 2; j++)
                hash = (hash ^ (uint)(b >> (j * 4))) * 16777619;
        }
        return (TcAction)((int)hash);
    }
}
