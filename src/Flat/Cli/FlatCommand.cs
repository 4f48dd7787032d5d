using System.CommandLine;
using Sharp.Bpf.Flat.Probe;

namespace Sharp.Bpf.Flat.Cli;

/// <summary>flat's command line, with the original flat's flags.</summary>
internal static class FlatCommand
{
    /// <summary>Builds the root command; its action validates the options and runs <see cref="FlatRunner"/>.</summary>
    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var interfaceOption = new Option<string?>("--interface", "-i") { Description = "The interface to measure on (default: the interface of the default route)" };
        var ipOption = new Option<string?>("--ip", "-ip") { Description = "Only flows with this IPv4 or IPv6 address at either end" };
        var portOption = new Option<string?>("--port", "-port") { Description = "Only flows with this port at either end (with --ip: both must match)" };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON Lines (time, protocol, src, src_port, dst, dst_port, ttl, latency_ms)" };
        var summaryOption = new Option<bool>("--summary") { Description = "Print per-remote-endpoint count, min, p50, p90, p99 and max every 10 s and on exit" };
        var durationOption = new Option<string?>("--duration") { Description = "Stop after this long: seconds, or e.g. 500ms, 30s, 5m, 1h (default: until Ctrl+C)" };
        var otlpOption = new Option<string?>("--otlp") { Description = "Export metrics (latency histogram, drops) by OTLP to this endpoint, e.g. http://collector:4317" };
        var prometheusOption = new Option<string?>("--prometheus") { Description = "Serve metrics for Prometheus at http://*:<port>/metrics" };
        var attachOption = new Option<string?>("--attach") { Description = "How to attach at tc: auto (TCX where the kernel has it, Linux 6.6, else netlink clsact), tcx or netlink" };
        var root = new RootCommand("flat: TCP handshake and UDP request/response latency per flow, measured in the kernel with eBPF (needs root)")
        {
            interfaceOption, ipOption, portOption, jsonOption, summaryOption, durationOption, otlpOption, prometheusOption, attachOption,
        };
        root.SetAction(parseResult =>
        {
            if (!SettingsParser.TryParse(parseResult.GetValue(interfaceOption), parseResult.GetValue(ipOption), parseResult.GetValue(portOption),
                    parseResult.GetValue(jsonOption), parseResult.GetValue(summaryOption), parseResult.GetValue(durationOption),
                    parseResult.GetValue(otlpOption), parseResult.GetValue(prometheusOption), parseResult.GetValue(attachOption),
                    out var settings, out var error))
            {
                stderr.WriteLine($"flat: {error}");
                return FlatRunner.Usage;
            }
            using var signals = new ShutdownSignals();
            return new FlatRunner(stdout, stderr, TimeProvider.System).Run(settings, ProbeObject.Read, signals.Token);
        });
        return root;
    }
}
