using System.Text.Json;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>flat attached by netlink (a clsact qdisc with cls_bpf filters, what kernels before 6.6 get), forced with
/// <c>--attach netlink</c> on a kernel that has TCX: it measures, and on exit removes its filters and the qdisc it created;
/// when another tc setup is in the way — an <c>ingress</c> qdisc, or another program's filter where flat's goes — it
/// exits 1 naming the problem and leaves the interface as it found it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NetlinkAttachTests(ITestOutputHelper output)
{
    const int Connections = 5;

    [Fact]
    public void Flat_attached_by_netlink_measures_and_removes_its_clsact_qdisc_on_exit()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(_ => ["--json", "--attach", "netlink"]);
        var ingressFilters = TcHooks.Filters(flat.Pair.NamespaceA, flat.Pair.InterfaceA, "ingress");
        var egressFilters = TcHooks.Filters(flat.Pair.NamespaceA, flat.Pair.InterfaceA, "egress");
        var ports = Traffic.TcpConnections(flat.Pair, flat.Pair.AddressB, Connections).Select(c => c.LocalPort).ToList();
        var run = flat.Stop();
        output.WriteLine($"stderr:\n{run.Stderr}filters while running:\n{string.Join('\n', ingressFilters.Concat(egressFilters))}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("netlink cls_bpf filter of program 'Ingress'", run.Stderr);
        Assert.Contains(ingressFilters, line => line.Contains(" bpf ", StringComparison.Ordinal) && line.Contains("direct-action", StringComparison.Ordinal));
        Assert.Contains(egressFilters, line => line.Contains(" bpf ", StringComparison.Ordinal) && line.Contains("direct-action", StringComparison.Ordinal));
        Assert.Equal(ports.Order(), run.Stdout.Select(line => (ushort)JsonDocument.Parse(line).RootElement.GetProperty("src_port").GetInt32()).Order());
    }

    [Fact]
    public void An_ingress_qdisc_in_the_way_exits_1_naming_it_and_stays()
    {
        Privileged.RequireRoot();
        using var flat = FlatCliOnVeth.Start(_ => ["--attach", "netlink"],
            pair => TcHooks.Tc(pair.NamespaceA, "qdisc", "add", "dev", pair.InterfaceA, "ingress"), untilMeasuring: false);
        var run = flat.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine(run.Stderr);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"flat: another tc setup on {flat.Pair.InterfaceA} is in the way: ", run.Stderr);
        Assert.Contains("ingress", TcHooks.QdiscKinds(flat.Pair.NamespaceA, flat.Pair.InterfaceA));
    }

    [Fact]
    public void Another_programs_filter_in_the_way_exits_1_naming_it_and_stays_alone()
    {
        Privileged.RequireRoot();
        // A classic-BPF filter ("accept everything") at the priority and handle flat's egress filter takes; flat attaches
        // ingress first, so this also checks that the ingress filter is taken off again.
        IReadOnlyList<string> before = [];
        using var flat = FlatCliOnVeth.Start(_ => ["--attach", "netlink"], pair =>
        {
            TcHooks.Tc(pair.NamespaceA, "qdisc", "add", "dev", pair.InterfaceA, "clsact");
            TcHooks.Tc(pair.NamespaceA, "filter", "add", "dev", pair.InterfaceA, "egress", "prio", "1", "handle", "1", "bpf", "bytecode", "1,6 0 0 4294967295,");
            before = TcHooks.Filters(pair.NamespaceA, pair.InterfaceA, "egress");
        }, untilMeasuring: false);
        var run = flat.WaitForExit(TimeSpan.FromSeconds(60));
        output.WriteLine(run.Stderr);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"flat: another tc program on {flat.Pair.InterfaceA} is in the way: ", run.Stderr);
        Assert.Contains("EEXIST", run.Stderr);
        Assert.Empty(TcHooks.Filters(flat.Pair.NamespaceA, flat.Pair.InterfaceA, "ingress"));
        Assert.NotEmpty(before);
        Assert.Equal(before, TcHooks.Filters(flat.Pair.NamespaceA, flat.Pair.InterfaceA, "egress"));
    }
}
