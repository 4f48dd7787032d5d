namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>Runs conformance programs in the kernel and sorts outcomes into passed, rejected by design, and failed.</summary>
internal static class KernelConformance
{
    public enum Verdict { Passed, RejectedByKernel, Failed }

    public sealed record Classified(ConformanceOutcome Outcome, Verdict Verdict, string? Reason);

    /// <summary>Runs <paramref name="program"/> the way <c>sharp-bpf run</c> does and returns r0.</summary>
    public static ulong Execute(byte[] program, byte[] memory) => KernelProgramRunner.Run(program, memory);

    /// <summary>A test listed in <see cref="KnownKernelRejections"/> counts as rejected by design only when
    /// the kernel refused it with the listed error; accepted, or refused for another reason, it fails.</summary>
    public static Classified Classify(ConformanceOutcome outcome)
    {
        if (!KnownKernelRejections.ByTest.TryGetValue(outcome.Name, out var known))
            return new(outcome, outcome.Passed ? Verdict.Passed : Verdict.Failed, null);
        bool asListed = outcome.Stage == ConformanceStage.Kernel && outcome.Detail.Contains(known.KernelError, StringComparison.Ordinal);
        return asListed
            ? new(outcome, Verdict.RejectedByKernel, known.Reason)
            : new(outcome with { Passed = false, Detail = $"listed as refused by the kernel ('{known.KernelError}'), but: {outcome.Detail}" }, Verdict.Failed, null);
    }
}
