using Sharp.Bpf.Kernel;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Differential entries built from the C# program methods themselves: the method is the managed oracle, run on a
/// managed context over the packet, and its name names the kernel program.</summary>
public static class Oracle
{
    /// <summary>An XDP program; its action's 32 bits are the result.</summary>
    public static DifferentialProgram Xdp(Func<XdpMd, XdpAction> method, InputSource inputs) =>
        new(method.Method.Name, packet => (uint)method(XdpMd.FromPacket(packet)), inputs);

    /// <summary>A tc program; its verdict's 32 bits are the result.</summary>
    public static DifferentialProgram Tc(Func<SkBuff, TcAction> method, InputSource inputs) =>
        new(method.Method.Name, packet => (uint)method(SkBuff.FromPacket(packet)), inputs);

    /// <summary>A socket filter; its int result's 32 bits are the result. Its test run zeroes the Ethernet header it
    /// hands back, so the packet is compared after it.</summary>
    public static DifferentialProgram SocketFilter(Func<SkBuff, int> method, InputSource inputs) =>
        new(method.Method.Name, packet => (uint)method(SkBuff.FromPacket(packet)), inputs) { PacketComparedFrom = InputSource.MinimumPacketLength };

    /// <summary>A tc program whose operands are <c>__sk_buff</c> fields (<see cref="SkBuffContext"/>), set from the
    /// packet's leading <see cref="Inputs.ContextOperands"/> on both sides; its verdict's 32 bits are the result. (tc,
    /// not a socket filter, because only tc programs may read <c>tstamp</c>.)</summary>
    public static DifferentialProgram TcOnContext(Func<SkBuff, TcAction> method, InputSource inputs) =>
        new(method.Method.Name, packet => (uint)method(SkBuffContext.Managed(packet)), inputs) { ContextOf = SkBuffContext.KernelContext };
}
