using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Sharp.Bpf.Links;
using Sharp.Bpf.Perf;
using Sharp.Bpf.RingBuf;

namespace Sharp.Bpf.Inspect.Commands;

/// <summary>
/// <c>sharp-bpf attach &lt;object.o&gt; &lt;program&gt; &lt;target&gt; [--duration S] [--events MAP]</c>: loads an object, attaches one
/// of its programs, optionally prints every record of a ring buffer or perf event array map as one lowercase hex line,
/// and on Ctrl+C, SIGTERM or the end of the duration detaches and exits 0, leaving nothing attached. Messages about
/// the attachment go to stderr, so stdout carries only records.
/// </summary>
public static class AttachCommand
{
    /// <summary>Exit code after a clean detach.</summary>
    internal const int Success = 0;
    /// <summary>Exit code when loading or attaching failed (nothing is left attached).</summary>
    internal const int Failed = 1;
    /// <summary>Exit code for arguments that do not parse.</summary>
    internal const int Usage = 2;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var objectPath = new Argument<string>("object") { Description = "The ELF object (.o) to load" };
        var programName = new Argument<string>("program") { Description = "The program to attach (its function name)" };
        var target = new Argument<string>("target") { Description = $"Where to attach: {AttachPoint.Forms}" };
        var duration = new Option<double?>("--duration") { Description = "Detach and exit after this many seconds (default: run until Ctrl+C or SIGTERM)" };
        var events = new Option<string?>("--events") { Description = "A ring buffer or perf event array map whose records to print, one hex line each" };
        var command = new Command("attach", "Load an object, attach one program, optionally stream its events, and detach on Ctrl+C, SIGTERM or --duration (needs root)")
        {
            objectPath, programName, target, duration, events,
        };
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(objectPath)!, parseResult.GetValue(programName)!, parseResult.GetValue(target)!,
            parseResult.GetValue(duration), parseResult.GetValue(events), Console.Out, Console.Error));
        return command;
    }

    internal static int Execute(string objectPath, string programName, string target, double? durationSeconds, string? eventsMap, TextWriter stdout, TextWriter stderr)
    {
        AttachPoint point;
        try
        {
            point = AttachPoint.Parse(target);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"sharp-bpf attach: {e.Message}");
            return Usage;
        }
        if (durationSeconds is <= 0 or > int.MaxValue / 1000)
        {
            stderr.WriteLine($"sharp-bpf attach: --duration must be a positive number of seconds, not {durationSeconds?.ToString(CultureInfo.InvariantCulture)}");
            return Usage;
        }

        using var stop = new CancellationTokenSource();
        // Registered before anything is attached, so a signal during start-up still ends in a clean detach.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        Collection? collection = null;
        EventReader? reader = null;
        Link? link = null;
        try
        {
            collection = Collection.Load(objectPath);
            var program = collection.GetProgram(programName);
            reader = eventsMap is null ? null : OpenReader(collection.GetMap(eventsMap));
            link = point.Attach(program);
            var until = durationSeconds is { } seconds ? $"for {seconds.ToString(CultureInfo.InvariantCulture)} s" : "until Ctrl+C or SIGTERM";
            stderr.WriteLine($"sharp-bpf attach: attached {link.Description} {until}");
            if (durationSeconds is { } limit) stop.CancelAfter(TimeSpan.FromSeconds(limit));

            if (reader is null)
                stop.Token.WaitHandle.WaitOne();
            else
                Stream(reader, stdout, stop.Token);

            link.Dispose();
            // Records the program wrote before it was detached are still in the buffer.
            reader?.Consume(record => stdout.WriteLine(Convert.ToHexStringLower(record)));
            stderr.WriteLine($"sharp-bpf attach: detached {link.Description}");
            return Success;
        }
        catch (Exception e) when (e is BpfException or KeyNotFoundException or ArgumentException or IOException or InvalidOperationException or NotSupportedException or FormatException)
        {
            stderr.WriteLine($"sharp-bpf attach: {e.Message}");
            return Failed;
        }
        finally
        {
            link?.Dispose();
            reader?.Dispose();
            collection?.Dispose();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    static EventReader OpenReader(Map map) => map.Type switch
    {
        MapType.RingBuffer => new RingBufferReader(new RingBufferMap(map)),
        MapType.PerfEventArray => new PerfBufferReader(new PerfEventArrayMap(map)),
        _ => throw new ArgumentException($"--events map '{map.Name}' is a {map.Type} map; only ring buffer and perf event array maps carry events"),
    };

    static void Stream(EventReader reader, TextWriter stdout, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                reader.Poll(record => stdout.WriteLine(Convert.ToHexStringLower(record)), Timeout.InfiniteTimeSpan, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
