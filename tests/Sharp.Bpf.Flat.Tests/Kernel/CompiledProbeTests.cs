using System.Net;
using System.Runtime.InteropServices;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Probe;
using Sharp.Bpf.RingBuf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The same frames through the managed probe and through the compiled probe in the kernel
/// (<c>BPF_PROG_TEST_RUN</c>) give the same decisions: verdicts, pending flows after every frame, and the measurements
/// (all fields but the latency, which comes from two different clocks; the kernel's must be positive). Needs root.</summary>
[Collection(ProbeFixture.Name)]
public sealed class CompiledProbeTests : ProbeFixture
{
    sealed record Step(bool Ingress, byte[] Frame);

    /// <param name="Measured">How many measurements the managed probe reports: the comparison is not of two empty lists.</param>
    sealed record Scenario(FlowFilter Filter, int Measured, Step[] Steps);

    static Step Out(FrameBuilder frame) => new(false, frame.Bytes());

    static Step In(FrameBuilder frame) => new(true, frame.Bytes());

    static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["TCP handshake over IPv4 with a VLAN tag and options"] = new(default, 1, [
            Out(FrameBuilder.Ethernet(EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, optionWords: 2).Tcp(40000, 443, Syn)),
            In(FrameBuilder.Ethernet(EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv4).Ipv4("10.0.0.2", "10.0.0.1", IpProtocols.Tcp, ttl: 57, optionWords: 1).Tcp(443, 40000, SynAck))]),
        ["retransmitted SYN, then SYN/ACK twice"] = new(default, 1, [
            Out(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn)), Out(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn)),
            In(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck)), In(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck))]),
        ["server side: SYN in, SYN/ACK out, over IPv6"] = new(default, 1, [
            In(Tcp6("fd00::9", "fd00::1", 51000, 22, Syn)), Out(Tcp6("fd00::1", "fd00::9", 22, 51000, SynAck, hopLimit: 63))]),
        ["UDP over IPv6 with extension headers, two exchanges"] = new(default, 2, [
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6HopByHop).Ipv6Options(IpProtocols.Ipv6Fragment, 1).Ipv6Fragment(IpProtocols.Udp).Udp(33000, 53, 4)),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Udp).Udp(33000, 53, 4)),
            In(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::2", "fd00::1", IpProtocols.Udp, hopLimit: 50).Udp(53, 33000)),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Udp).Udp(33000, 53, 4)),
            In(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::2", "fd00::1", IpProtocols.Udp, hopLimit: 51).Udp(53, 33000))]),
        ["frames the probe ignores"] = new(default, 0, [
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv4, FrameBuilder.BroadcastMac).Ipv4("10.0.0.1", "10.0.0.255", IpProtocols.Udp).Udp(68, 67)),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "239.255.255.250", IpProtocols.Udp).Udp(1900, 1900)),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "ff02::fb", IpProtocols.Udp).Udp(5353, 5353)),
            Out(FrameBuilder.Ethernet(0x0806).Raw(new byte[28])),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, ihl: 4).Tcp(40000, 443, Syn)),
            Out(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, fragmentOffsetUnits: 185).Udp(33000, 53)),
            new(false, Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn).Truncated(14 + 20 + 19)),
            new(false, FrameBuilder.Ethernet(EtherTypes.Vlan).Truncated(15))]),
        ["filtered by address and port"] = new(FilterConfiguration.Create(IPAddress.Parse("10.0.0.2"), 443), 1, [
            Out(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, Syn)), In(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, SynAck)),
            Out(Tcp4("10.0.0.1", "10.0.0.2", 40001, 80, Syn)), In(Tcp4("10.0.0.2", "10.0.0.1", 80, 40001, SynAck)),
            Out(Tcp4("10.0.0.1", "10.0.0.3", 40002, 443, Syn)), In(Tcp4("10.0.0.3", "10.0.0.1", 443, 40002, SynAck))]),
    };

    public static TheoryData<string> ScenarioNames => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Compiled_probe_decides_as_the_managed_probe(string name)
    {
        Privileged.RequireRoot();
        var spec = ProbeObject.Read();
        var scenario = Scenarios[name];
        FlatProbe.Filter = scenario.Filter;
        using var collection = Collection.Load(spec.WithGlobal(nameof(FlatProbe.Filter), scenario.Filter));
        using var reader = new RingBufferReader(new RingBufferMap(collection.GetMap(nameof(FlatProbe.Measurements))));
        var pending = new global::Sharp.Bpf.LruHashMap<FlowKey, ulong>(collection.GetMap(nameof(FlatProbe.Pending)));

        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            var (ingress, frame) = scenario.Steps[i];
            var managed = ingress ? Ingress(frame) : Egress(frame);
            Wait(1);
            var kernel = collection.GetProgram(ingress ? nameof(FlatProbe.Ingress) : nameof(FlatProbe.Egress)).Test(new ProgramTestOptions { Data = frame });
            Assert.Equal(((uint)managed, FlatProbe.Pending.Count), (kernel.ReturnValue, pending.Keys.Count()));
        }

        var expected = Measurements();
        Assert.Equal(scenario.Measured, expected.Count);
        var actual = new List<FlowMeasurement>();
        reader.Consume<FlowMeasurement>(actual.Add);
        Assert.All(actual, m => Assert.True(m.LatencyNs > 0));
        Assert.Equal(expected.Select(WithoutLatency), actual.Select(WithoutLatency));
    }

    static string WithoutLatency(FlowMeasurement measurement)
    {
        measurement.LatencyNs = 0;
        return Convert.ToHexString(MemoryMarshal.AsBytes(new ReadOnlySpan<FlowMeasurement>(in measurement)));
    }
}
