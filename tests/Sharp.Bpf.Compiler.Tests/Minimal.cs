using Sharp.Bpf.Kernel;

namespace Sharp.Bpf.Compiler.Tests;

[BpfObject(License = "GPL")]
public static partial class Minimal
{
    [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
    [SocketFilter] public static int Keep(SkBuff skb) => 42;
}
