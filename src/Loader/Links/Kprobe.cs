using System.Text;
using Sharp.Bpf.Features;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches kprobe programs (<c>SEC("kprobe/&lt;function&gt;")</c>) to kernel functions: through the kprobe PMU when
/// the kernel has one (Linux 4.17), else through a trace event created in tracefs <c>kprobe_events</c> and removed on
/// dispose. <see cref="TracingFeatures.Kprobes"/> says whether either exists.</summary>
public static class Kprobe
{
    /// <summary>Attaches <paramref name="program"/> to the entry (plus <see cref="KprobeOptions.Offset"/>) of the kernel
    /// function <paramref name="symbol"/>, on every CPU.</summary>
    /// <remarks>Minimum kernel: Linux 4.1 (tracefs path), 4.17 (kprobe PMU); 5.15 for the bpf_link path.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Kprobe"/> program.</param>
    /// <param name="symbol">The kernel function, as <c>/proc/kallsyms</c> names it.</param>
    /// <param name="options">Offset, attach mode and cookie; null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe program, or the symbol is empty.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel has neither a kprobe PMU nor tracefs <c>kprobe_events</c>.</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach (ENOENT: no such function).</exception>
    /// <exception cref="IOException">tracefs refused the event definition.</exception>
    public static Link Attach(Program program, string symbol, KprobeOptions? options = null) => AttachProbe(program, symbol, isReturn: false, options);

    /// <summary>Attaches <paramref name="program"/> to the return of the kernel function <paramref name="symbol"/>, on every CPU.</summary>
    /// <remarks>Minimum kernel: Linux 4.1 (tracefs path), 4.17 (kprobe PMU); 5.15 for the bpf_link path.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Kprobe"/> program.</param>
    /// <param name="symbol">The kernel function, as <c>/proc/kallsyms</c> names it.</param>
    /// <param name="options">Attach mode and cookie (an offset is not allowed); null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe program, the symbol is empty, or an offset was given.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel has neither a kprobe PMU nor tracefs <c>kprobe_events</c>.</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach (ENOENT: no such function).</exception>
    /// <exception cref="IOException">tracefs refused the event definition.</exception>
    public static Link AttachReturn(Program program, string symbol, KprobeOptions? options = null) => AttachProbe(program, symbol, isReturn: true, options);

    static Link AttachProbe(Program program, string symbol, bool isReturn, KprobeOptions? options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        options ??= new KprobeOptions();
        var kind = isReturn ? "kretprobe" : "kprobe";
        if (program.Type != ProgramType.Kprobe)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; a {kind} takes {ProgramType.Kprobe} programs (section {kind}/<function>)", nameof(program));
        if (isReturn && options.Offset != 0)
            throw new ArgumentException($"a kretprobe attaches at function entry; offset 0x{options.Offset:x} into {symbol} is not allowed", nameof(options));
        var description = $"{kind} {symbol}{(options.Offset != 0 ? $"+0x{options.Offset:x}" : "")} for program '{program.Name}'";

        if (PerfEventPmu.TryRead(PerfEventPmu.DefaultDevicesPath, PerfEventPmu.KprobeName) is { } pmu)
            return AttachByPmu(program, pmu, symbol, isReturn, options, description);
        if (TracingFileSystem.TryFindRoot() is { } root && File.Exists(Path.Combine(root, KprobeEventDefinition.EventsFileName)))
            return AttachByTraceEvent(program, root, symbol, isReturn, options, description);
        throw new BpfNotSupportedException("perf_event_open", Errno.ENOENT, $"{kind}s ({TracingFeatures.Kprobes.Finding})", minimumKernel: null);
    }

    static unsafe Link AttachByPmu(Program program, PerfEventPmu pmu, string symbol, bool isReturn, KprobeOptions options, string description)
    {
        if (isReturn && pmu.RetprobeBit is null)
            throw new BpfNotSupportedException("perf_event_open", Errno.EINVAL, $"kretprobes through the kprobe PMU (it has no format/retprobe)", "4.17");
        SafeBpfFd perfEvent;
        // The kernel copies the name during the call, so it needs to stay fixed only that long.
        fixed (byte* name = Encoding.ASCII.GetBytes(symbol + "\0"))
        {
            var attr = new PerfEventAttr
            {
                Type = pmu.Type,
                Config = isReturn ? 1ul << pmu.RetprobeBit!.Value : 0,
                Config1 = (ulong)name,
                Config2 = options.Offset,
            };
            perfEvent = PerfEventAttachment.Open(ref attr, pid: -1, cpu: 0, description);
        }
        return PerfEventAttachment.Attach(perfEvent, program, options.Mode, options.Cookie, description);
    }

    static Link AttachByTraceEvent(Program program, string root, string symbol, bool isReturn, KprobeOptions options, string description)
    {
        var eventsFile = Path.Combine(root, KprobeEventDefinition.EventsFileName);
        var eventName = KprobeEventDefinition.UniqueEventName(symbol, options.Offset, Environment.ProcessId);
        KprobeEventFile.Append(eventsFile, KprobeEventDefinition.Create(isReturn, eventName, symbol, options.Offset));
        try
        {
            uint id = TracingFileSystem.ReadEventId(root, KprobeEventDefinition.Group, eventName);
            var attr = new PerfEventAttr { Type = PerfEventAttr.TypeTracepoint, Config = id, SamplePeriod = 1, WakeupEvents = 1 };
            var perfEvent = PerfEventAttachment.Open(ref attr, pid: -1, cpu: 0, description);
            var attachment = PerfEventAttachment.Attach(perfEvent, program, options.Mode, options.Cookie, description);
            return new KprobeEventLink(attachment, eventsFile, eventName);
        }
        catch
        {
            KprobeEventFile.TryRemove(eventsFile, eventName);
            throw;
        }
    }
}
