using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches tracepoint programs (<c>SEC("tracepoint/&lt;category&gt;/&lt;name&gt;")</c>) to kernel trace events through
/// <c>perf_event_open</c>.</summary>
public static class Tracepoint
{
    /// <summary>Attaches <paramref name="program"/> to the trace event <paramref name="category"/>:<paramref name="name"/>
    /// (e.g. <c>syscalls</c>:<c>sys_enter_getppid</c>) on every CPU and for every process. The program stays attached
    /// until the link is disposed.</summary>
    /// <remarks>Minimum kernel: Linux 4.7 (tracepoint programs); 5.15 for the bpf_link path, which
    /// <see cref="PerfEventAttachMode.Automatic"/> uses when the kernel has it. Needs tracefs mounted (for the event id).</remarks>
    /// <param name="program">A loaded <see cref="ProgramType.Tracepoint"/> program.</param>
    /// <param name="category">The event's category (the folder under <c>events/</c>).</param>
    /// <param name="name">The event's name.</param>
    /// <param name="options">Attach mode and cookie; null for the defaults.</param>
    /// <returns>The attachment; a <see cref="BpfLink"/> when attached by link.</returns>
    /// <exception cref="ArgumentException">The program is not a tracepoint program, or no such trace event exists.</exception>
    /// <exception cref="InvalidOperationException">tracefs is not mounted.</exception>
    /// <exception cref="NotSupportedException">A cookie was asked for on the ioctl path.</exception>
    /// <exception cref="BpfException">The kernel refused perf_event_open or the attach; the message says which and why.</exception>
    public static Link Attach(Program program, string category, string name, TracepointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= new TracepointOptions();
        if (program.Type != ProgramType.Tracepoint)
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program; trace events take {ProgramType.Tracepoint} programs (section tracepoint/<category>/<name>)", nameof(program));
        uint id = TracingFileSystem.ReadEventId(TracingFileSystem.FindRoot(), category, name);
        var description = $"tracepoint {category}:{name} for program '{program.Name}'";
        var attr = new PerfEventAttr { Type = PerfEventAttr.TypeTracepoint, Config = id, SamplePeriod = 1, WakeupEvents = 1 };
        var perfEvent = PerfEventAttachment.Open(ref attr, pid: -1, cpu: 0, description);
        return PerfEventAttachment.Attach(perfEvent, program, options.Mode, options.Cookie, description);
    }
}
