namespace Sharp.Bpf.Features;

/// <summary>The result of probing the running kernel for one tracing feature.</summary>
/// <param name="Name">The feature, e.g. "kprobes".</param>
/// <param name="IsPresent">Whether the running kernel has it.</param>
/// <param name="Finding">What the probe saw, in a sentence (the reason a test or a caller gives for not using it).</param>
public sealed record TracingFeature(string Name, bool IsPresent, string Finding);
