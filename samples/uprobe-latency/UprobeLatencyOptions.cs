namespace Sharp.Bpf.Samples.UprobeLatency;

/// <summary>Which function uprobe-latency measures, in which processes, for how long.</summary>
/// <param name="Binary">The executable or shared library: a path, or a library name such as <c>libc.so.6</c>.</param>
/// <param name="Function">The function's symbol in <paramref name="Binary"/>.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
/// <param name="ProcessId">Only calls made by this process; null measures every process that runs the binary.</param>
public sealed record UprobeLatencyOptions(string Binary, string Function, TimeSpan? Duration = null, int? ProcessId = null);
