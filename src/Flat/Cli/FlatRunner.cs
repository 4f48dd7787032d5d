using System.Globalization;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Flat.Interfaces;
using Sharp.Bpf.Flat.Metrics;
using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Flat.Probe;
using Sharp.Bpf.Flat.Summary;
using Sharp.Bpf.Links;

namespace Sharp.Bpf.Flat.Cli;

/// <summary>Runs flat with validated settings: picks the interface, reads the compiled probe, checks privileges, loads and
/// attaches, prints measurements until the duration ends or a signal arrives, then detaches and prints the final report.
/// Every failure a user can act on becomes one <c>flat: ...</c> line on stderr and exit code <see cref="Failed"/>.</summary>
/// <param name="stdout">Where measurements and summaries go.</param>
/// <param name="stderr">Where status and failure lines go.</param>
/// <param name="time">The clock of the periodic summary.</param>
/// <param name="startSession">Loads and attaches the probe (<see cref="FlatSession.Start(CollectionSpec, Kernel.FlowFilter, string, TcAttachMethod)"/>
/// when null); tests pass one that fails the way an older kernel would.</param>
internal sealed class FlatRunner(TextWriter stdout, TextWriter stderr, TimeProvider time,
    Func<CollectionSpec, Kernel.FlowFilter, string, TcAttachMethod, FlatSession>? startSession = null)
{
    /// <summary>Exit code after a clean detach.</summary>
    public const int Success = 0;
    /// <summary>Exit code when flat could not start (nothing is left attached).</summary>
    public const int Failed = 1;
    /// <summary>Exit code for invalid arguments.</summary>
    public const int Usage = 2;

    static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs until <paramref name="stop"/> is cancelled or <see cref="FlatSettings.Duration"/> passes.</summary>
    /// <param name="settings">The command line.</param>
    /// <param name="readProbe">Reads the probe's object (<see cref="ProbeObject.Read()"/>).</param>
    /// <param name="stop">Cancelled by Ctrl+C or SIGTERM.</param>
    public int Run(FlatSettings settings, Func<CollectionSpec> readProbe, CancellationToken stop)
    {
        var interfaceName = InterfaceResolver.Resolve(settings.Interface, InterfaceResolver.Available(), DefaultRoute.Find(), out var interfaceError);
        if (interfaceName is null) return Fail(interfaceError!);

        var spec = readProbe();
        if (!Environment.IsPrivilegedProcess)
            return Fail("loading eBPF programs and attaching them to tc needs root (CAP_BPF and CAP_NET_ADMIN); run flat with sudo");

        FlatSession session;
        try
        {
            session = (startSession ?? FlatSession.Start)(spec, FilterConfiguration.Create(settings.Address, settings.Port), interfaceName, settings.Attach);
        }
        catch (NetworkInterfaceNotFoundException e)
        {
            return Fail($"no interface named '{e.Name}'; available interfaces: {string.Join(", ", e.AvailableInterfaces)}");
        }
        catch (BpfNotSupportedException e)
        {
            return Fail(MissingFeature(e));
        }
        catch (BpfVerifierException e)
        {
            return Fail($"the kernel's verifier rejected flat's probe: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return Fail($"another tc setup on {interfaceName} is in the way: {e.Message}");
        }
        catch (NetlinkException e) when (e.ErrorName == "EEXIST")
        {
            // Another program's filter holds the priority and handle flat's filter takes (netlink attach only).
            return Fail($"another tc program on {interfaceName} is in the way: {e.Message}");
        }
        catch (BpfException e)
        {
            return Fail($"could not load or attach flat's probe on {interfaceName}: {e.Message}");
        }

        using (session)
        {
            using var metrics = settings.Otlp is null && settings.PrometheusPort is null ? null : new FlatMetrics();
            using var export = StartExport(settings);
            stderr.WriteLine($"flat: measuring on {interfaceName} ({string.Join(", ", session.Attachments)}){Until(settings.Duration)}");
            var reporter = new Reporter(stdout, stderr, settings.Json ? new JsonLinesFormatter() : new HumanFormatter(TimeZoneInfo.Local),
                settings.Summary ? new LatencySummary(new Random()) : null, time, metrics);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (settings.Duration is { } duration) deadline.CancelAfter(duration);
            Action<Kernel.FlowMeasurement> measured = reporter.Measured;
            while (!deadline.IsCancellationRequested)
            {
                try
                {
                    session.Poll(measured, PollTimeout, deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (reporter.IsTickDue) reporter.Tick(session.Drops());
            }
            // Records already in the ring when the stop came are still printed.
            session.Poll(measured, TimeSpan.Zero, CancellationToken.None);
            reporter.Finish(session.Drops());
        }
        stderr.WriteLine("flat: detached");
        return Success;
    }

    OpenTelemetry.Metrics.MeterProvider? StartExport(FlatSettings settings)
    {
        try
        {
            return MetricsExport.Start(settings.Otlp, settings.PrometheusPort);
        }
        catch (InvalidOperationException e)
        {
            // Measuring is still useful without the scrape endpoint; say so and go on.
            stderr.WriteLine($"flat: cannot serve Prometheus metrics on port {settings.PrometheusPort}: {e.InnerException?.Message ?? e.Message}; continuing without it");
            return MetricsExport.Start(settings.Otlp, null);
        }
    }

    static string Until(TimeSpan? duration) => duration is { } d
        ? string.Create(CultureInfo.InvariantCulture, $" for {d.TotalSeconds:0.###} s")
        : " until Ctrl+C";

    /// <summary>What to tell a user whose kernel lacks a feature: which one and, where known, the Linux version to move to.
    /// The exception's own message (the failing bpf command and errno) would not help them act.</summary>
    static string MissingFeature(BpfNotSupportedException e)
    {
        var lacks = $"this kernel (Linux {Environment.OSVersion.Version.ToString(2)}) lacks {e.Feature}, which flat needs";
        return e.MinimumKernel is { } minimum ? $"{lacks}; run flat on Linux {minimum} or later" : lacks;
    }

    int Fail(string message)
    {
        stderr.WriteLine($"flat: {message}");
        return Failed;
    }
}
