using Sharp.Bpf.Flat.Kernel;

namespace Sharp.Bpf.Flat.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Resets <see cref="FlatProbe"/>'s static maps and filter and scopes a <see cref="BpfRuntime"/> with a clock each
/// test moves by hand. Test classes that run the probe share the collection <see cref="Name"/>, so they never run at the
/// same time (the maps are static, as in the kernel).</summary>
public abstract class ProbeFixture : IDisposable
{
    public const string Name = "FlatProbe statics";
    public const byte Syn = 0x02;
    public const byte SynAck = 0x12;
    public const byte Ack = 0x10;

    protected readonly BpfRuntime Runtime = new() { MonotonicNs = 5_000_000_000 };
    readonly IDisposable _scope;

    protected ProbeFixture()
    {
        _scope = BpfRuntime.Use(Runtime);
        FlatProbe.Pending.Clear();
        FlatProbe.Measurements.Clear();
        FlatProbe.Drops.Clear();
        FlatProbe.Filter = default;
    }

    public void Dispose()
    {
        FlatProbe.Filter = default;
        _scope.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static TcAction Egress(byte[] frame) => FlatProbe.Egress(SkBuff.FromPacket(frame));

    protected static TcAction Ingress(byte[] frame) => FlatProbe.Ingress(SkBuff.FromPacket(frame));

    protected static TcAction Egress(FrameBuilder frame) => Egress(frame.Bytes());

    protected static TcAction Ingress(FrameBuilder frame) => Ingress(frame.Bytes());

    protected void Wait(double milliseconds) => Runtime.Advance((ulong)(milliseconds * 1_000_000));

    protected static IReadOnlyList<FlowMeasurement> Measurements() => FlatProbe.Measurements.Drain();

    protected static FrameBuilder Tcp4(string from, string to, ushort fromPort, ushort toPort, byte flags, byte ttl = 64) =>
        FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4(from, to, IpProtocols.Tcp, ttl).Tcp(fromPort, toPort, flags);

    protected static FrameBuilder Udp4(string from, string to, ushort fromPort, ushort toPort, byte ttl = 64) =>
        FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4(from, to, IpProtocols.Udp, ttl).Udp(fromPort, toPort, payload: 12);

    protected static FrameBuilder Tcp6(string from, string to, ushort fromPort, ushort toPort, byte flags, byte hopLimit = 64) =>
        FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6(from, to, IpProtocols.Tcp, hopLimit).Tcp(fromPort, toPort, flags);

    /// <summary>SYN out, <paramref name="milliseconds"/> later SYN/ACK in: a client's handshake as flat sees it.</summary>
    protected void Handshake(string client, string server, ushort clientPort, ushort serverPort, double milliseconds = 1)
    {
        Egress(Tcp4(client, server, clientPort, serverPort, Syn));
        Wait(milliseconds);
        Ingress(Tcp4(server, client, serverPort, clientPort, SynAck));
    }
}
