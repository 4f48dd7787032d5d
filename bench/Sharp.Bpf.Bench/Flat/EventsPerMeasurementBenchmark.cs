using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.RingBuf;
using static Sharp.Bpf.Bench.Flat.ReplayFrame.Kind;

namespace Sharp.Bpf.Bench.Flat;

/// <summary>Events reaching user space per measurement (issue 6): flat's compiled probe, which matches requests and replies
/// in the kernel and sends completed measurements only, against the original design that sends every SYN, SYN/ACK and UDP
/// datagram up for user space to match (flat_equivalent.c built with <c>FLAT_SEND_EVERYTHING</c>: the same parse and
/// filter). A fixed mix of exchanges — answered, retransmitted and unanswered SYNs, inbound handshakes, UDP request/response
/// with retries, unanswered requests and several exchanges on one flow — is replayed packet by packet through each
/// object's <c>Ingress</c> and <c>Egress</c> programs with <c>BPF_PROG_TEST_RUN</c>, and the ring-buffer records each
/// produced are counted. The clang build of flat's logic is replayed too, and a row's note says if it sent a different
/// number of records than flat's own probe.</summary>
internal sealed class EventsPerMeasurementBenchmark : Benchmark
{
    static readonly byte[] Host = [10, 0, 0, 1];
    static readonly byte[] Remote = [10, 0, 0, 2];
    const ushort TcpServerPort = 443;
    const ushort UdpServerPort = 53;
    const ushort FirstClientPort = 20_000;

    /// <summary>The mix: 1,050 flows, 1,080 measurements.</summary>
    public static IReadOnlyList<ReplayScenario> Mix { get; } =
    [
        new("TCP connect, answered (+ ACK, data)", 600, true, [(Syn, true), (SynAck, false), (Ack, true), (Ack, true), (Ack, false)], 1),
        new("TCP connect, SYN retransmitted once", 50, true, [(Syn, true), (Syn, true), (SynAck, false), (Ack, true)], 1),
        new("TCP connect, unanswered (SYN + 2 retries)", 50, true, [(Syn, true), (Syn, true), (Syn, true)], 0),
        new("TCP accept (remote client)", 100, false, [(Syn, true), (SynAck, false), (Ack, true)], 1),
        new("UDP request/response", 150, true, [(Udp, true), (Udp, false)], 1),
        new("UDP request retried, then answered", 30, true, [(Udp, true), (Udp, true), (Udp, false)], 1),
        new("UDP request, unanswered", 20, true, [(Udp, true)], 0),
        new("UDP 3 requests/responses on one flow", 50, true, [(Udp, true), (Udp, false), (Udp, true), (Udp, false), (Udp, true), (Udp, false)], 3),
    ];

    public override string Title => "flat: events reaching user space, flat's in-kernel matching vs sending every SYN, SYN/ACK and UDP datagram (BPF_PROG_TEST_RUN replay)";

    public override string ReferenceName => "send all";

    public override IEnumerable<Comparison> Run()
    {
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-bench-flat-events-");
        try
        {
            using var ours = new ReplayTarget(Collection.Load(FlatProbe.ObjectBytes.ToArray()));
            using var clang = new ReplayTarget(Collection.Load(FlatEquivalentObject.Compile(directory.FullName, sendEverything: false)));
            using var everything = new ReplayTarget(Collection.Load(FlatEquivalentObject.Compile(directory.FullName, sendEverything: true)));
            int oursTotal = 0, everythingTotal = 0, measurementsTotal = 0;
            var clientPort = FirstClientPort;
            foreach (var scenario in Mix)
            {
                var oursEvents = ours.Replay(scenario, clientPort);
                var clangEvents = clang.Replay(scenario, clientPort);
                var everythingEvents = everything.Replay(scenario, clientPort);
                clientPort += (ushort)scenario.Repetitions;
                var measurements = scenario.Measurements * scenario.Repetitions;
                oursTotal += oursEvents;
                everythingTotal += everythingEvents;
                measurementsTotal += measurements;
                var note = $"{scenario.Repetitions} flows, {measurements} measurements" +
                    (oursEvents != measurements ? $"; flat reported {oursEvents}" : "") +
                    (clangEvents != oursEvents ? $"; clang build of the same logic sent {clangEvents}" : "");
                yield return new Comparison(scenario.Name, (double)oursEvents / scenario.Repetitions,
                    (double)everythingEvents / scenario.Repetitions, "events per flow", note, LowerIsBetter: true);
            }
            var drops = $"ring-buffer drops: flat {ours.Drops()}, send all {everything.Drops()}";
            yield return new Comparison($"whole mix ({Mix.Sum(s => s.Repetitions)} flows)", (double)oursTotal / measurementsTotal,
                (double)everythingTotal / measurementsTotal, "events per measurement",
                $"{oursTotal} vs {everythingTotal} events for {measurementsTotal} measurements; {drops}", LowerIsBetter: true);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>One loaded object the mix is replayed through, with a reader of its ring buffer.</summary>
    sealed class ReplayTarget(Collection collection) : IDisposable
    {
        readonly Program _ingress = collection.GetProgram(nameof(FlatProbe.Ingress));
        readonly Program _egress = collection.GetProgram(nameof(FlatProbe.Egress));
        readonly RingBufferReader _reader = new(new RingBufferMap(collection.GetMap(nameof(FlatProbe.Measurements))));
        readonly PerCpuArrayMap<ulong> _drops = new(collection.GetMap(nameof(FlatProbe.Drops)));

        /// <summary>Replays every flow of <paramref name="scenario"/> (client ports from <paramref name="firstClientPort"/>)
        /// and returns how many ring-buffer records it produced.</summary>
        public int Replay(ReplayScenario scenario, ushort firstClientPort)
        {
            var (client, server) = scenario.HostIsClient ? (Host, Remote) : (Remote, Host);
            for (var flow = 0; flow < scenario.Repetitions; flow++)
            {
                foreach (var (kind, fromClient) in scenario.Packets)
                {
                    var serverPort = kind == Udp ? UdpServerPort : TcpServerPort;
                    var frame = ReplayFrame.Build(kind, client, (ushort)(firstClientPort + flow), server, serverPort, fromClient);
                    // The host's own packets leave through egress; the other end's arrive on ingress.
                    var program = fromClient == scenario.HostIsClient ? _egress : _ingress;
                    program.Test(new ProgramTestOptions { Data = frame });
                }
            }
            return _reader.Consume(_ => { });
        }

        /// <summary>Records lost to a full ring buffer, summed over CPUs.</summary>
        public ulong Drops() => _drops.Lookup(0).Aggregate(0UL, (sum, perCpu) => sum + perCpu);

        public void Dispose()
        {
            _reader.Dispose();
            collection.Dispose();
        }
    }
}
