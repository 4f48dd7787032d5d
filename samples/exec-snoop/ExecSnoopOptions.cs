namespace Sharp.Bpf.Samples.ExecSnoop;

/// <summary>What exec-snoop traces and for how long.</summary>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
/// <param name="Comm">Report only execs whose new task name is this (the kernel keeps the first 15 bytes of the file's base
/// name); null reports every exec.</param>
public sealed record ExecSnoopOptions(TimeSpan? Duration = null, string? Comm = null);
