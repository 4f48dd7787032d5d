namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Branching: if/else chains, switch statements on constants (with shared labels), switch expressions with
/// constant, relational and combined patterns, and early returns.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarControlFlow
{
    /// <summary>An if/else-if chain classifying two ints.</summary>
    [Tc]
    public static TcAction IfElseChain(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int result;
        if (a < 0 && b < 0) result = 1;
        else if (a < 0) result = 2;
        else if (b == 0) result = 3;
        else if (a > b) result = 4;
        else result = 5;
        return (TcAction)result;
    }

    /// <summary>A switch statement on a masked value: shared labels, default, a computed case body and a return.</summary>
    [Tc]
    public static TcAction SwitchStatement(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int result;
        switch (a & 15)
        {
            case 0:
                result = 100;
                break;
            case 1:
            case 2:
                result = b + 1;
                break;
            case 7:
                result = b * 7;
                break;
            case 15:
                return (TcAction)(-15);
            default:
                result = -(a & 15);
                break;
        }
        return (TcAction)result;
    }

    /// <summary>A switch expression with relational and combined patterns.</summary>
    [Tc]
    public static TcAction SwitchExpressionRelational(SkBuff skb)
    {
        int a = (int)skb.Mark;
        return (TcAction)(a switch
        {
            < -1000 => 1,
            < 0 => 2,
            0 => 3,
            <= 100 => 4,
            > 100 and < 1000 => 5,
            1000 or 2000 => 6,
            _ => 7,
        });
    }

    /// <summary>Switch expressions over byte, sbyte and long operands, including negative constants.</summary>
    [Tc]
    public static TcAction SwitchOnOtherWidths(SkBuff skb)
    {
        byte u8 = (byte)skb.Mark;
        sbyte s8 = (sbyte)skb.Priority;
        long s64 = (long)skb.Timestamp;
        int small = u8 switch
        {
            0 or 255 => 1,
            >= 128 => 2,
            _ => 3,
        };
        int wide = s64 switch
        {
            long.MinValue => 10,
            -1 => 20,
            > 4_294_967_296 => 30,
            _ => 40,
        };
        int signed = s8 switch
        {
            < -100 => 100,
            -1 => 200,
            _ => 300,
        };
        return (TcAction)(small + wide + signed);
    }

    /// <summary>Several returns from nested conditions.</summary>
    [Tc]
    public static TcAction EarlyReturns(SkBuff skb)
    {
        uint a = skb.Mark;
        uint b = skb.Priority;
        if (a == 0) return (TcAction)1;
        if (a > b)
        {
            if ((a & 1) == 0) return (TcAction)2;
            return (TcAction)3;
        }
        if (b - a < 10) return (TcAction)4;
        return (TcAction)((int)(b - a));
    }
}
