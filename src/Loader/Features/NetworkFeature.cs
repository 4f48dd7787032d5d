namespace Sharp.Bpf.Features;

/// <summary>The result of probing the running kernel for one networking attach feature.</summary>
/// <param name="Name">The feature, e.g. "TCX links".</param>
/// <param name="IsPresent">Whether the running kernel has it.</param>
/// <param name="Finding">What the probe saw, in a sentence.</param>
public sealed record NetworkFeature(string Name, bool IsPresent, string Finding);
