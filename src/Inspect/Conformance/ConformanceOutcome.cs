namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>The result of one conformance test: whether it passed, where it stopped and why.</summary>
internal sealed record ConformanceOutcome(string Name, bool Passed, ConformanceStage Stage, string Detail)
{
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Stage}: {Detail}";
}
