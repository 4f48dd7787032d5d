using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Lowering;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Kernel-side C# lowered, optimised, compiled, loaded and run with <c>BPF_PROG_TEST_RUN</c>: the verifier accepts
/// it, and each run returns what the same method returns as managed code on the same packet.</summary>
public class KernelIntrinsicTests
{
    /// <summary>Ethernet → IPv4 (with options) or IPv6 → TCP or UDP, through references into the packet and a scalar read.</summary>
    const string Parser = """
        [Tc]
        public static TcAction Run(SkBuff skb)
        {
            var packet = skb.Packet;
            if (!packet.TryRead(12, out ushort etherTypeNetworkOrder)) return (TcAction)1;
            ushort etherType = BinaryPrimitives.ReverseEndianness(etherTypeNetworkOrder);
            int offset = EthernetHeader.Size;
            byte protocol;
            if (etherType == EtherTypes.Ipv4)
            {
                var ip = packet.GetRef<Ipv4Header>(offset);
                if (ip.IsNull) return (TcAction)2;
                protocol = ip.Value.Protocol;
                offset += ip.Value.HeaderLength;
            }
            else if (etherType == EtherTypes.Ipv6)
            {
                var ip6 = packet.GetRef<Ipv6Header>(offset);
                if (ip6.IsNull) return (TcAction)3;
                protocol = ip6.Value.NextHeader;
                offset += Ipv6Header.Size;
            }
            else return (TcAction)4;
            if (protocol == IpProtocols.Tcp)
            {
                var tcp = packet.GetRef<TcpHeader>(offset);
                if (tcp.IsNull) return (TcAction)5;
                return (TcAction)(10000 + tcp.Value.DestinationPort + (tcp.Value.IsSyn ? 100000 : 0));
            }
            if (protocol == IpProtocols.Udp)
            {
                var udp = packet.GetRef<UdpHeader>(offset);
                if (udp.IsNull) return (TcAction)6;
                return (TcAction)(20000 + udp.Value.SourcePort);
            }
            return (TcAction)7;
        }
        """;

    public static TheoryData<string, byte[]> Frames => new()
    {
        { "IPv4 TCP SYN", Frame(0x0800, Ipv4(6, ihl: 5), Tcp(443, flags: 0x02)) },
        { "IPv4 TCP ACK with IP options", Frame(0x0800, Ipv4(6, ihl: 7), Tcp(8080, flags: 0x10)) },
        { "IPv4 UDP", Frame(0x0800, Ipv4(17, ihl: 5), Udp(53)) },
        { "IPv6 TCP SYN", Frame(0x86DD, Ipv6(6), Tcp(22, flags: 0x02)) },
        { "IPv6 UDP", Frame(0x86DD, Ipv6(17), Udp(5353)) },
        { "ARP", Frame(0x0806, new byte[28]) },
        { "IPv4 ICMP", Frame(0x0800, Ipv4(1, ihl: 5), new byte[8]) },
        { "bare Ethernet header", new byte[14] },
        { "truncated IPv4", Frame(0x0800, new byte[10]) },
        { "truncated TCP", Frame(0x0800, Ipv4(6, ihl: 5), new byte[10]) },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Packet_parser_is_accepted_and_matches_managed_execution(string description, byte[] frame)
    {
        Privileged.RequireRoot();
        var (kernel, managed) = Build(Parser);
        using (kernel)
            Assert.True(RunKernel(kernel, frame) == RunManaged(managed, frame), description);
    }

    [Fact]
    public void Map_lookup_and_update_match_managed_execution_across_runs()
    {
        Privileged.RequireRoot();
        const string counter = """
            static readonly HashMap<uint, ulong> Counts = new(maxEntries: 16);

            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                uint key = skb.Len;
                var slot = Counts.Lookup(key);
                if (slot.IsNull)
                {
                    Counts.Update(key, 1);
                    return (TcAction)1;
                }
                slot.Value += 10;
                ulong total = slot.Value;
                return (TcAction)(int)total;
            }
            """;
        var (kernel, managed) = Build(counter, builder => builder.AddMap(new MapDefinition("Counts", MapType.Hash, 16) { KeySize = 4, ValueSize = 8 }));
        using (kernel)
        {
            var frame = Frame(0x0800, Ipv4(17, ihl: 5), Udp(53));
            var kernelRuns = Enumerable.Range(0, 3).Select(_ => RunKernel(kernel, frame)).ToList();
            var managedRuns = Enumerable.Range(0, 3).Select(_ => RunManaged(managed, frame)).ToList();
            Assert.Equal([1u, 11u, 21u], kernelRuns);
            Assert.Equal(managedRuns, kernelRuns);
        }
    }

    [Fact]
    public void Ring_buffer_output_and_reservation_are_accepted_and_match_managed_execution()
    {
        Privileged.RequireRoot();
        const string events = """
            static readonly RingBuffer<Pair> Events = new(sizeBytes: 4096);

            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                int result = Events.TryOutput(new Pair { A = skb.Len, B = 7 }) ? 1 : 0;
                var reservation = Events.Reserve();
                if (reservation.IsNull) return (TcAction)(result + 10);
                reservation.Value.A = skb.Len;
                reservation.Value.B = 8;
                if (skb.Len > 1000) { reservation.Discard(); return (TcAction)(result + 20); }
                reservation.Submit();
                return (TcAction)(result + 30);
            }
            """;
        var (kernel, managed) = Build(events, builder => builder.AddMap(new MapDefinition("Events", MapType.RingBuffer, 4096)));
        using (kernel)
        {
            var frame = Frame(0x0800, Ipv4(17, ihl: 5), Udp(53));
            Assert.Equal(31u, RunKernel(kernel, frame));
            Assert.Equal(RunManaged(managed, frame), RunKernel(kernel, frame));
        }
    }

    [Fact]
    public void Helper_calls_with_out_buffers_are_accepted_and_match_managed_execution()
    {
        Privileged.RequireRoot();
        const string helpers = """
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                if (Bpf.SkbLoadBytes(skb, 12, out ushort etherType) != 0) return (TcAction)1;
                if (Bpf.GetSmpProcessorId() > 4096) return (TcAction)2;
                return (TcAction)(int)BinaryPrimitives.ReverseEndianness(etherType);
            }
            """;
        var (kernel, managed) = Build(helpers);
        using (kernel)
        {
            var frame = Frame(0x86DD, Ipv6(17), Udp(53));
            Assert.Equal(0x86DDu, RunKernel(kernel, frame));
            Assert.Equal(RunManaged(managed, frame), RunKernel(kernel, frame));
        }
    }

    [Fact]
    public void Packet_taken_again_after_SkbPullData_is_accepted_and_matches_managed_execution()
    {
        Privileged.RequireRoot();
        const string pull = """
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                if (Bpf.SkbPullData(skb, 0) != 0) return (TcAction)1;
                var packet = skb.Packet;
                if (!packet.TryRead(23, out byte protocol)) return (TcAction)2;
                return (TcAction)(100 + protocol);
            }
            """;
        var (kernel, managed) = Build(pull);
        using (kernel)
        {
            var frame = Frame(0x0800, Ipv4(17, ihl: 5), Udp(53));
            Assert.Equal(117u, RunKernel(kernel, frame));
            Assert.Equal(RunManaged(managed, frame), RunKernel(kernel, frame));
        }
    }

    [Fact]
    public void Atomic_add_on_a_map_value_is_accepted_and_matches_managed_execution_across_runs()
    {
        Privileged.RequireRoot();
        const string totals = """
            static readonly ArrayMap<ulong> Totals = new(maxEntries: 1);

            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var total = Totals.Lookup(0);
                if (total.IsNull) return (TcAction)1;
                Atomic.Add(ref total.Value, (ulong)skb.Len);
                ulong now = total.Value;
                return (TcAction)(int)now;
            }
            """;
        var (kernel, managed) = Build(totals, builder => builder.AddMap(new MapDefinition("Totals", MapType.Array, 1) { KeySize = 4, ValueSize = 8 }));
        using (kernel)
        {
            var frame = Frame(0x0800, Ipv4(17, ihl: 5), Udp(53));
            var kernelRuns = Enumerable.Range(0, 3).Select(_ => RunKernel(kernel, frame)).ToList();
            var managedRuns = Enumerable.Range(0, 3).Select(_ => RunManaged(managed, frame)).ToList();
            Assert.Equal([60u, 120u, 180u], kernelRuns);
            Assert.Equal(managedRuns, kernelRuns);
        }
    }

    [Fact]
    public void Xdp_program_reading_its_packet_is_accepted_and_matches_managed_execution()
    {
        Privileged.RequireRoot();
        const string xdp = """
            [Xdp]
            public static XdpAction Run(XdpMd ctx)
            {
                var eth = ctx.Packet.GetRef<EthernetHeader>(0);
                if (eth.IsNull) return XdpAction.Aborted;
                return eth.Value.EtherType == EtherTypes.Ipv6 ? XdpAction.Drop : XdpAction.Pass;
            }
            """;
        var (compilation, run) = IntrinsicHarness.Compile(xdp);
        var lowered = MethodLowerer.Lower(run, compilation, TestContext.Current.CancellationToken);
        Assert.True(lowered.Function is not null, string.Join("; ", lowered.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        using var kernel = KernelHarness.Load([KernelHarness.Compile(lowered.Function!)], section: "xdp");
        var managed = IntrinsicHarness.ManagedRun(compilation);
        foreach (var frame in new[] { Frame(0x86DD, Ipv6(17), Udp(53)), Frame(0x0800, Ipv4(17, ihl: 5), Udp(53)) })
            Assert.Equal((uint)(int)(XdpAction)managed.Invoke(null, [XdpMd.FromPacket(frame)])!,
                kernel.Programs["Run"].Test(new ProgramTestOptions { Data = frame }).ReturnValue);
    }

    static (Collection Kernel, System.Reflection.MethodInfo Managed) Build(string members, Action<BpfObjectBuilder>? declare = null)
    {
        var (compilation, run) = IntrinsicHarness.Compile(members);
        var lowered = MethodLowerer.Lower(run, compilation, TestContext.Current.CancellationToken);
        Assert.True(lowered.Function is not null, string.Join("; ", lowered.Diagnostics.Select(d => $"{d.Id} {d.Argument}")));
        var compiled = KernelHarness.Compile(lowered.Function!);
        var kernel = KernelHarness.Load([compiled], declare: declare is null ? null : (builder, _) => declare(builder));
        return (kernel, IntrinsicHarness.ManagedRun(compilation));
    }

    static uint RunKernel(Collection kernel, byte[] frame) =>
        kernel.Programs["Run"].Test(new ProgramTestOptions { Data = frame }).ReturnValue;

    static uint RunManaged(System.Reflection.MethodInfo run, byte[] frame) =>
        (uint)(int)(TcAction)run.Invoke(null, [SkBuff.FromPacket(frame)])!;

    static byte[] Frame(ushort etherType, params byte[][] payload)
    {
        var frame = new List<byte>(new byte[12]) { (byte)(etherType >> 8), (byte)etherType };
        foreach (var part in payload) frame.AddRange(part);
        while (frame.Count < 60) frame.Add(0);
        return [.. frame];
    }

    static byte[] Ipv4(byte protocol, int ihl)
    {
        var header = new byte[ihl * 4];
        header[0] = (byte)(0x40 | ihl);
        header[8] = 64;
        header[9] = protocol;
        return header;
    }

    static byte[] Ipv6(byte nextHeader)
    {
        var header = new byte[40];
        header[0] = 0x60;
        header[6] = nextHeader;
        header[7] = 64;
        return header;
    }

    static byte[] Tcp(ushort destinationPort, byte flags)
    {
        var header = new byte[20];
        header[0] = 0x30;
        header[1] = 0x39;
        header[2] = (byte)(destinationPort >> 8);
        header[3] = (byte)destinationPort;
        header[12] = 0x50;
        header[13] = flags;
        return header;
    }

    static byte[] Udp(ushort sourcePort)
    {
        var header = new byte[8];
        header[0] = (byte)(sourcePort >> 8);
        header[1] = (byte)sourcePort;
        header[3] = 53;
        return header;
    }
}
