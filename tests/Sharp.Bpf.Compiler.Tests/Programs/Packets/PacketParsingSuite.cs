using Sharp.Bpf.Compiler.Tests.Programs.Harness;

namespace Sharp.Bpf.Compiler.Tests.Programs.Packets;

/// <summary><see cref="PacketParsing"/> under differential test.</summary>
public sealed class PacketParsingSuite : ProgramSuite
{
    static readonly InputSource Frames = new FrameInputs();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(PacketParsing);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => PacketParsing.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(PacketParsing.EtherTypeOf, Frames),
        Oracle.Xdp(PacketParsing.VlanAwareEtherType, Frames),
        Oracle.Xdp(PacketParsing.Ipv4Protocol, Frames),
        Oracle.Xdp(PacketParsing.Ipv4TransportPorts, Frames),
        Oracle.Xdp(PacketParsing.Ipv6TransportPorts, Frames),
        Oracle.Xdp(PacketParsing.TcpFlagsClass, Frames),
        Oracle.Xdp(PacketParsing.DecrementTtl, Frames),
    ];
}
