namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Uprobe"/> creates the probe's perf event.</summary>
internal enum UprobeAttachMethod
{
    /// <summary>The uprobe PMU when <c>/sys/bus/event_source/devices/uprobe</c> exists, else a tracefs trace event.</summary>
    Automatic,

    /// <summary>perf_event_open on the uprobe PMU (Linux 4.17).</summary>
    Pmu,

    /// <summary>A trace event created in tracefs <c>uprobe_events</c>, opened as a tracepoint, removed on dispose.</summary>
    TraceEvent,
}
