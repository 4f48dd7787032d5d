using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches perf_event programs (<c>SEC("perf_event")</c>) to sampling perf events: the program runs each time
/// the event's counter passes its sample period, e.g. every millisecond of CPU time on every CPU.</summary>
public static class PerfEvent
{
    /// <summary>Attaches <paramref name="program"/> to the software event <paramref name="softwareEvent"/>: one perf event per
    /// CPU (or one that follows <see cref="PerfEventSamplingOptions.ProcessId"/>), all detached together on dispose. If any
    /// CPU's attach fails, the ones before it are detached before the exception propagates.</summary>
    /// <remarks>Minimum kernel: Linux 4.9; 5.15 for the bpf_link path.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.PerfEvent"/> program.</param>
    /// <param name="softwareEvent">The counter to sample on.</param>
    /// <param name="options">The period or frequency, the CPUs or process, and the attach mode.</param>
    /// <exception cref="ArgumentException">The program is not a perf_event program, or the options give both or neither of
    /// period and frequency, a zero one, or both a process and CPUs.</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach.</exception>
    public static Link AttachSoftware(Program program, SoftwarePerfEvent softwareEvent, PerfEventSamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(options);
        if (program.Type != ProgramType.PerfEvent)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; sampling events take {ProgramType.PerfEvent} programs (section perf_event)", nameof(program));
        if (options.SamplePeriod.HasValue == options.SampleFrequency.HasValue || (options.SamplePeriod ?? options.SampleFrequency) == 0)
            throw new ArgumentException("give exactly one of SamplePeriod and SampleFrequency, and not zero", nameof(options));
        if (options.ProcessId is not null && options.Cpus is not null)
            throw new ArgumentException("give either a process or CPUs to sample on, not both", nameof(options));

        var attr = new PerfEventAttr
        {
            Type = PerfEventAttr.TypeSoftware,
            Config = (ulong)softwareEvent,
            SamplePeriod = options.SamplePeriod ?? options.SampleFrequency!.Value,
            Flags = options.SampleFrequency.HasValue ? PerfEventFlags.Frequency : PerfEventFlags.None,
        };
        var sampling = options.SamplePeriod is { } period ? $"every {period} events" : $"{options.SampleFrequency} times per second";
        if (options.ProcessId is { } pid)
        {
            var description = $"perf_event program '{program.Name}' on {softwareEvent} {sampling} in process {pid}";
            var perfEvent = PerfEventAttachment.Open(ref attr, pid, cpu: -1, description);
            return PerfEventAttachment.Attach(perfEvent, program, options.Mode, cookie: 0, description);
        }

        var cpus = options.Cpus ?? PerfEventCpus.Online();
        var links = new List<Link>(cpus.Count);
        try
        {
            foreach (int cpu in cpus)
            {
                var description = $"perf_event program '{program.Name}' on {softwareEvent} {sampling} on CPU {cpu}";
                var perCpu = attr;
                var perfEvent = PerfEventAttachment.Open(ref perCpu, pid: -1, cpu, description);
                links.Add(PerfEventAttachment.Attach(perfEvent, program, options.Mode, cookie: 0, description));
            }
        }
        catch
        {
            foreach (var link in links) link.Dispose();
            throw;
        }
        return new PerfEventLinkSet(links, $"perf_event program '{program.Name}' on {softwareEvent} {sampling} on CPUs {string.Join(',', cpus)}");
    }
}
