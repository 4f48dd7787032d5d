using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>flat's command line, run as a child process in namespace A over real traffic to servers in namespace B: what it
/// prints for TCP and UDP measurements (JSON Lines, human lines, the summary), <c>--ip</c> with an IPv6 address, how it
/// ends (<c>--duration</c>, SIGTERM), and that nothing stays attached afterwards (checked by every run).</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class CliTests(ITestOutputHelper output)
{
    const int Connections = 5;
    const int Exchanges = 5;
    static readonly TimeSpan ResponderDelay = TimeSpan.FromMilliseconds(10);
    const int Ttl = 64;

    static readonly string[] JsonFields = ["time", "protocol", "src", "src_port", "dst", "dst_port", "ttl", "latency_ms"];

    [Fact]
    public void Json_prints_a_line_with_every_field_per_tcp_and_udp_measurement()
    {
        Privileged.RequireRoot();
        var started = DateTimeOffset.UtcNow;
        using var flat = FlatCliOnVeth.Start(_ => ["--json"]);
        var (tcp, tcpServer) = Connect(flat.Pair, flat.Pair.AddressB);
        var (udp, udpServer) = Exchange(flat.Pair, flat.Pair.AddressB);
        var run = flat.Stop();
        var ended = DateTimeOffset.UtcNow;
        Print(run);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(lines, line =>
        {
            Assert.Equal(JsonFields, line.EnumerateObject().Select(property => property.Name));
            var time = DateTimeOffset.Parse(line.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(time, started, ended);
            Assert.Equal(flat.Pair.AddressA.ToString(), line.GetProperty("src").GetString());
            Assert.Equal(flat.Pair.AddressB.ToString(), line.GetProperty("dst").GetString());
            Assert.Equal(Ttl, line.GetProperty("ttl").GetInt32());
            Assert.True(line.GetProperty("latency_ms").GetDouble() > 0, $"latency_ms {line.GetProperty("latency_ms")} is not positive");
        });
        Assert.Equal(Flows("TCP", tcp, tcpServer).Concat(Flows("UDP", udp, udpServer)).Order(), lines.Select(line =>
            (line.GetProperty("protocol").GetString()!, (ushort)line.GetProperty("src_port").GetInt32(), (ushort)line.GetProperty("dst_port").GetInt32())).Order());
        Assert.All(lines.Where(line => line.GetProperty("protocol").GetString() == "UDP"),
            line => Assert.True(line.GetProperty("latency_ms").GetDouble() >= ResponderDelay.TotalMilliseconds, $"UDP latency {line.GetProperty("latency_ms")} ms is shorter than the responder's delay"));
    }

    [Fact]
    public void Human_output_prints_a_line_per_tcp_and_udp_measurement()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(_ => []);
        var (tcp, tcpServer) = Connect(flat.Pair, flat.Pair.AddressB);
        var (udp, udpServer) = Exchange(flat.Pair, flat.Pair.AddressB);
        var run = flat.Stop();
        Print(run);

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Stdout, line => Assert.Matches(HumanLine(), line));
        var lines = run.Stdout.Select(line => HumanLine().Match(line)).ToList();
        Assert.All(lines, match =>
        {
            Assert.Equal(flat.Pair.AddressA.ToString(), match.Groups["src"].Value);
            Assert.Equal(flat.Pair.AddressB.ToString(), match.Groups["dst"].Value);
            Assert.Equal(Ttl.ToString(CultureInfo.InvariantCulture), match.Groups["ttl"].Value);
            Assert.True(double.Parse(match.Groups["latency"].Value, CultureInfo.InvariantCulture) > 0, $"'{match.Value}': latency is not positive");
        });
        Assert.Equal(Flows("TCP", tcp, tcpServer).Concat(Flows("UDP", udp, udpServer)).Order(), lines.Select(match =>
            (match.Groups["protocol"].Value, Port(match.Groups["src_port"]), Port(match.Groups["dst_port"]))).Order());
    }

    [Fact]
    public void An_ipv6_ip_filter_reports_only_the_flows_with_that_address()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(pair => ["--json", "--ip", pair.Ipv6AddressB.ToString()]);
        Connect(flat.Pair, flat.Pair.AddressB);
        Exchange(flat.Pair, flat.Pair.AddressB);
        var (tcp, tcpServer) = Connect(flat.Pair, flat.Pair.Ipv6AddressB);
        var (udp, udpServer) = Exchange(flat.Pair, flat.Pair.Ipv6AddressB);
        var run = flat.Stop();
        Print(run);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(lines, line => Assert.Equal(
            (flat.Pair.Ipv6AddressA.ToString(), flat.Pair.Ipv6AddressB.ToString()),
            (line.GetProperty("src").GetString(), line.GetProperty("dst").GetString())));
        Assert.Equal(Flows("TCP", tcp, tcpServer).Concat(Flows("UDP", udp, udpServer)).Order(), lines.Select(line =>
            (line.GetProperty("protocol").GetString()!, (ushort)line.GetProperty("src_port").GetInt32(), (ushort)line.GetProperty("dst_port").GetInt32())).Order());
    }

    [Fact]
    public void Summary_prints_count_min_percentiles_and_max_per_remote_endpoint()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(_ => ["--summary"]);
        var (_, tcpServer) = Connect(flat.Pair, flat.Pair.AddressB);
        var (_, udpServer) = Exchange(flat.Pair, flat.Pair.AddressB);
        var run = flat.Stop();
        Print(run);

        Assert.Equal(0, run.ExitCode);
        // The summary printed on exit is the last table: its heading, then a row per remote endpoint.
        var heading = run.Stdout.ToList().FindLastIndex(line => SummaryHeading().IsMatch(line));
        Assert.True(heading >= 0, "no summary table on stdout");
        Assert.All(run.Stdout.Skip(heading + 1), line => Assert.Matches(SummaryRow(), line));
        var rows = run.Stdout.Skip(heading + 1).Select(line => SummaryRow().Match(line)).ToList();
        Assert.Equal(
            new[] { ($"TCP {flat.Pair.AddressB}:{tcpServer}", Connections), ($"UDP {flat.Pair.AddressB}:{udpServer}", Exchanges) }.Order(),
            rows.Select(row => (row.Groups["remote"].Value, int.Parse(row.Groups["count"].Value, CultureInfo.InvariantCulture))).Order());
        Assert.All(rows, row =>
        {
            var figures = new[] { "min", "p50", "p90", "p99", "max" }.Select(name => double.Parse(row.Groups[name].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.True(figures[0] > 0, $"'{row.Value}': min is not positive");
            Assert.Equal(figures.Order(), figures);
        });
    }

    [Fact]
    public void Duration_ends_the_run_with_exit_code_0()
    {
        Privileged.RequireRoot();
        var duration = TimeSpan.FromSeconds(3);
        using var flat = FlatCliOnVeth.Start(_ => ["--json", "--duration", "3s"]);
        var measuring = Stopwatch.StartNew();
        var (tcp, tcpServer) = Connect(flat.Pair, flat.Pair.AddressB);
        var run = flat.WaitForExit(TimeSpan.FromSeconds(30));
        var ran = measuring.Elapsed;
        Print(run);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("flat: detached", run.Stderr);
        // The clock started once this process had read flat's "measuring" line and checked the hooks, a little after flat's
        // own clock: the slack covers that on a loaded machine, and still catches a run that ends right away.
        Assert.True(ran >= duration - TimeSpan.FromSeconds(1), $"flat ended after {ran.TotalSeconds:0.00} s, well before its 3 s");
        Assert.Equal(Flows("TCP", tcp, tcpServer).Order(), run.Stdout.Select(line => JsonDocument.Parse(line).RootElement).Select(line =>
            (line.GetProperty("protocol").GetString()!, (ushort)line.GetProperty("src_port").GetInt32(), (ushort)line.GetProperty("dst_port").GetInt32())).Order());
    }

    [Fact]
    public void Sigterm_detaches_and_exits_0()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(_ => []);
        var run = flat.Stop();
        Print(run);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("flat: detached", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    /// <summary>Opens <see cref="Connections"/> connections from A to a new listener in B; returns the client ports and
    /// the listener's port.</summary>
    static (List<ushort> ClientPorts, ushort ServerPort) Connect(NetworkNamespacePair pair, IPAddress server)
    {
        using var listener = pair.BoundSocketInB(new IPEndPoint(server, 0), SocketType.Stream, ProtocolType.Tcp);
        listener.Listen(Connections);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        return (Traffic.TcpConnections(pair, endpoint, Connections).Select(c => c.LocalPort).ToList(), (ushort)endpoint.Port);
    }

    /// <summary>Makes <see cref="Exchanges"/> UDP request/response exchanges from A with a responder in B; returns the client
    /// ports and the responder's port.</summary>
    static (List<ushort> ClientPorts, ushort ServerPort) Exchange(NetworkNamespacePair pair, IPAddress server)
    {
        var (exchanges, port) = Traffic.UdpExchanges(pair, server, Exchanges, ResponderDelay);
        return (exchanges.Select(e => e.LocalPort).ToList(), port);
    }

    static IEnumerable<(string Protocol, ushort SourcePort, ushort DestinationPort)> Flows(string protocol, List<ushort> clientPorts, ushort serverPort) =>
        clientPorts.Select(port => (protocol, port, serverPort));

    static ushort Port(Group group) => ushort.Parse(group.Value, CultureInfo.InvariantCulture);

    void Print(FlatCliOnVeth.Run run)
    {
        output.WriteLine($"exit code {run.ExitCode}; stderr:\n{run.Stderr}stdout:");
        foreach (var line in run.Stdout) output.WriteLine(line);
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (?<protocol>TCP|UDP) \[?(?<src>[0-9a-f.:]+?)\]?:(?<src_port>\d+) -> \[?(?<dst>[0-9a-f.:]+?)\]?:(?<dst_port>\d+) ttl=(?<ttl>\d+) latency=(?<latency>\d+\.\d{3}) ms$")]
    private static partial Regex HumanLine();

    [GeneratedRegex(@"^remote +count +min +p50 +p90 +p99 +max +\(ms\)$")]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"^(?<remote>(TCP|UDP) \S+) +(?<count>\d+) +(?<min>\d+\.\d{3}) +(?<p50>\d+\.\d{3}) +(?<p90>\d+\.\d{3}) +(?<p99>\d+\.\d{3}) +(?<max>\d+\.\d{3})$")]
    private static partial Regex SummaryRow();
}
