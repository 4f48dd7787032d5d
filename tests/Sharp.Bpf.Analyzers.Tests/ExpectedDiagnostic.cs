namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>A diagnostic expected at <see cref="Start"/> over <see cref="Text"/>.</summary>
public sealed record ExpectedDiagnostic(string Id, int Start, string Text)
{
    public override string ToString() => $"{Id} at {Start}: '{Text}'";
}
