using System.Text;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Features;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches uprobe programs (<c>SEC("uprobe")</c>, <c>SEC("uretprobe")</c>) to functions of executables and shared
/// libraries through the uprobe PMU, or — on kernels without it — through a trace event created in tracefs
/// <c>uprobe_events</c> and removed on dispose (<see cref="TracingFeatures.Uprobes"/> says which exists): the symbol is resolved to a file offset from the binary's <c>.symtab</c> or
/// <c>.dynsym</c>, so the probe fires in every process that maps the file (or in one, by <see cref="UprobeOptions.ProcessId"/>).</summary>
public static class Uprobe
{
    /// <summary>Where the uprobe PMU takes the reference counter offset in <c>config</c> (format/ref_ctr_offset: config:32-63).</summary>
    const int ReferenceCounterShift = 32;

    /// <summary>Attaches <paramref name="program"/> to the entry of <paramref name="symbol"/> in <paramref name="binary"/>.</summary>
    /// <remarks>Minimum kernel: Linux 4.17 (uprobe PMU), 4.3 (tracefs path); 5.15 for the bpf_link path.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Kprobe"/> program (uprobes share the kprobe program type).</param>
    /// <param name="binary">The executable or library: a path, or a library name (<c>libc</c>, <c>libc.so.6</c>) looked up
    /// the way the dynamic linker does.</param>
    /// <param name="symbol">The function's symbol name.</param>
    /// <param name="options">Process, offset, attach mode and cookie; null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe-type program.</exception>
    /// <exception cref="FileNotFoundException">No such binary.</exception>
    /// <exception cref="BpfElfException">The binary is not an ELF file, or the symbol is missing (the message lists close
    /// matches) or not a defined function.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel has neither a uprobe PMU nor tracefs <c>uprobe_events</c>.</exception>
    /// <exception cref="IOException">tracefs refused the event definition (fallback path only).</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach.</exception>
    public static Link Attach(Program program, string binary, string symbol, UprobeOptions? options = null) =>
        AttachProbe(program, binary, symbol, isReturn: false, options);

    /// <summary>Attaches <paramref name="program"/> to the return of <paramref name="symbol"/> in <paramref name="binary"/>.</summary>
    /// <remarks>Minimum kernel: Linux 4.17 (uprobe PMU), 4.3 (tracefs path); 5.15 for the bpf_link path.</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Kprobe"/> program (uprobes share the kprobe program type).</param>
    /// <param name="binary">The executable or library: a path, or a library name looked up the way the dynamic linker does.</param>
    /// <param name="symbol">The function's symbol name.</param>
    /// <param name="options">Process, attach mode and cookie (an offset is not allowed); null for the defaults.</param>
    /// <exception cref="ArgumentException">The program is not a kprobe-type program, or an offset was given.</exception>
    /// <exception cref="FileNotFoundException">No such binary.</exception>
    /// <exception cref="BpfElfException">The binary is not an ELF file, or the symbol is missing (the message lists close
    /// matches) or not a defined function.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel has neither a uprobe PMU nor tracefs <c>uprobe_events</c>.</exception>
    /// <exception cref="IOException">tracefs refused the event definition (fallback path only).</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach.</exception>
    public static Link AttachReturn(Program program, string binary, string symbol, UprobeOptions? options = null) =>
        AttachProbe(program, binary, symbol, isReturn: true, options);

    static Link AttachProbe(Program program, string binary, string symbol, bool isReturn, UprobeOptions? options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrEmpty(binary);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        options ??= new UprobeOptions();
        var kind = isReturn ? "uretprobe" : "uprobe";
        if (program.Type != ProgramType.Kprobe)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; a {kind} takes {ProgramType.Kprobe} programs (section {kind})", nameof(program));
        if (isReturn && options.Offset != 0)
            throw new ArgumentException($"a uretprobe attaches at function entry; offset 0x{options.Offset:x} into {symbol} is not allowed", nameof(options));

        var path = Path.GetFullPath(SharedLibraryLocator.Locate(binary));
        ulong offset = ExecutableSymbolResolver.ResolveFileOffset(path, symbol) + options.Offset;
        var process = options.ProcessId is { } pid ? $" in process {pid}" : "";
        var description = $"{kind} {path}:{symbol}{(options.Offset != 0 ? $"+0x{options.Offset:x}" : "")}{process} for program '{program.Name}'";

        var pmu = options.Method == UprobeAttachMethod.TraceEvent ? null : PerfEventPmu.TryRead(PerfEventPmu.DefaultDevicesPath, PerfEventPmu.UprobeName);
        if (pmu is not null)
            return AttachByPmu(program, pmu, path, offset, isReturn, options, description);
        if (options.Method != UprobeAttachMethod.Pmu && TracingFileSystem.TryFindRoot() is { } root && File.Exists(Path.Combine(root, UprobeEventDefinition.EventsFileName)))
            return AttachByTraceEvent(program, root, path, symbol, offset, isReturn, options, description);
        throw new BpfNotSupportedException("perf_event_open", Errno.ENOENT, $"{kind}s ({TracingFeatures.Uprobes.Finding})", minimumKernel: null);
    }

    static unsafe Link AttachByPmu(Program program, PerfEventPmu pmu, string path, ulong offset, bool isReturn, UprobeOptions options, string description)
    {
        if (isReturn && pmu.RetprobeBit is null)
            throw new BpfNotSupportedException("perf_event_open", Errno.EINVAL, "uretprobes through the uprobe PMU (it has no format/retprobe)", "4.17");
        SafeBpfFd perfEvent;
        // The kernel copies the path during the call, so it needs to stay fixed only that long.
        fixed (byte* pathPointer = Encoding.UTF8.GetBytes(path + "\0"))
        {
            var attr = new PerfEventAttr
            {
                Type = pmu.Type,
                Config = (isReturn ? 1ul << pmu.RetprobeBit!.Value : 0) | options.ReferenceCounterOffset << ReferenceCounterShift,
                Config1 = (ulong)pathPointer,
                Config2 = offset,
            };
            perfEvent = Open(ref attr, options, description);
        }
        return PerfEventAttachment.Attach(perfEvent, program, options.Mode, options.Cookie, description);
    }

    static Link AttachByTraceEvent(Program program, string root, string path, string symbol, ulong offset, bool isReturn, UprobeOptions options, string description)
    {
        var eventsFile = Path.Combine(root, UprobeEventDefinition.EventsFileName);
        var eventName = UprobeEventDefinition.UniqueEventName(symbol, offset, Environment.ProcessId);
        UprobeEventFile.Create(eventsFile, UprobeEventDefinition.Create(isReturn, eventName, path, offset, options.ReferenceCounterOffset), description);
        try
        {
            uint id = TracingFileSystem.ReadEventId(root, UprobeEventDefinition.Group, eventName);
            var attr = new PerfEventAttr { Type = PerfEventAttr.TypeTracepoint, Config = id, SamplePeriod = 1, WakeupEvents = 1 };
            var perfEvent = Open(ref attr, options, description);
            var attachment = PerfEventAttachment.Attach(perfEvent, program, options.Mode, options.Cookie, description);
            return new UprobeEventLink(attachment, eventsFile, eventName);
        }
        catch
        {
            UprobeEventFile.TryRemove(eventsFile, eventName);
            throw;
        }
    }

    /// <summary>A probe of every process is a per-CPU-less event on CPU 0; one process's probe follows it to any CPU.</summary>
    static SafeBpfFd Open(ref PerfEventAttr attr, UprobeOptions options, string description) =>
        options.ProcessId is { } target
            ? PerfEventAttachment.Open(ref attr, target, cpu: -1, description)
            : PerfEventAttachment.Open(ref attr, pid: -1, cpu: 0, description);
}
