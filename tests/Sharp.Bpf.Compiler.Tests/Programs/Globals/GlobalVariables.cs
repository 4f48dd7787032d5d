namespace Sharp.Bpf.Compiler.Tests.Programs.Globals;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Global variables: an initialised static (.data), a zero one (.bss) and a static readonly constant table entry
/// (.rodata); state accumulates across inputs in both worlds.</summary>
[BpfObject(License = "GPL")]
public static partial class GlobalVariables
{
    /// <summary>The initial value of <see cref="Total"/>.</summary>
    public const int InitialTotal = 5;

    /// <summary>A running total (.data).</summary>
    public static int Total = InitialTotal;

    /// <summary>How many times <see cref="CountCalls"/> ran (.bss).</summary>
    public static long Calls;

    /// <summary>A threshold fixed at load (.rodata).</summary>
    public static readonly int Threshold = 1000;

    /// <summary>Adds the low byte of A to <see cref="Total"/> and returns it.</summary>
    [Xdp]
    public static XdpAction AccumulateData(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        Total += p.A & 0xFF;
        return (XdpAction)Total;
    }

    /// <summary>Counts its runs in a zero-initialised global.</summary>
    [Xdp]
    public static XdpAction CountCalls(XdpMd ctx)
    {
        Calls++;
        return (XdpAction)(int)Calls;
    }

    /// <summary>Compares A with a read-only global.</summary>
    [Xdp]
    public static XdpAction CompareWithReadOnly(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        return (XdpAction)(p.A > Threshold ? 1 : p.A == Threshold ? 2 : 3);
    }
}
