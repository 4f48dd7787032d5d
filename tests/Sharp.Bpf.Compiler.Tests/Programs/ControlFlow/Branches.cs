namespace Sharp.Bpf.Compiler.Tests.Programs.ControlFlow;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Branching: if/else chains, switch statements on constants (with shared labels), switch expressions with
/// constant, relational and combined patterns, and early returns.</summary>
[BpfObject(License = "GPL")]
public static partial class Branches
{
    /// <summary>An if/else-if chain classifying two ints.</summary>
    [Xdp]
    public static XdpAction IfElseChain(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int result;
        if (p.A < 0 && p.B < 0) result = 1;
        else if (p.A < 0) result = 2;
        else if (p.B == 0) result = 3;
        else if (p.A > p.B) result = 4;
        else result = 5;
        return (XdpAction)result;
    }

    /// <summary>A switch statement on a masked value: shared labels, default, and a computed case body.</summary>
    [Xdp]
    public static XdpAction SwitchStatement(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int result;
        switch (p.A & 15)
        {
            case 0:
                result = 100;
                break;
            case 1:
            case 2:
                result = p.B + 1;
                break;
            case 7:
                result = p.B * 7;
                break;
            case 15:
                return XdpAction.Drop;
            default:
                result = -(p.A & 15);
                break;
        }
        return (XdpAction)result;
    }

    /// <summary>A switch expression with relational and combined patterns.</summary>
    [Xdp]
    public static XdpAction SwitchExpressionRelational(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int bucket = p.A switch
        {
            < -1000 => 1,
            < 0 => 2,
            0 => 3,
            <= 100 => 4,
            > 100 and < 1000 => 5,
            1000 or 2000 => 6,
            _ => 7,
        };
        return (XdpAction)bucket;
    }

    /// <summary>Switch expressions over byte and long operands, including negative constants.</summary>
    [Xdp]
    public static XdpAction SwitchOnOtherWidths(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        int small = m.U8 switch
        {
            0 or 255 => 1,
            >= 128 => 2,
            _ => 3,
        };
        int wide = m.S64 switch
        {
            long.MinValue => 10,
            -1 => 20,
            > 4_294_967_296 => 30,
            _ => 40,
        };
        int signed = m.S8 switch
        {
            < -100 => 100,
            -1 => 200,
            _ => 300,
        };
        return (XdpAction)(small + wide + signed);
    }

    /// <summary>Several returns from nested conditions.</summary>
    [Xdp]
    public static XdpAction EarlyReturns(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        if (p.A == 0) return XdpAction.Drop;
        if (p.A > p.B)
        {
            if ((p.A & 1) == 0) return XdpAction.Pass;
            return XdpAction.Tx;
        }
        if (p.B - p.A < 10) return XdpAction.Redirect;
        return (XdpAction)(p.B - p.A);
    }
}
