namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>A map whose kernel and managed contents must agree: both sides rendered as key → value hex strings (see
/// <see cref="MapContents"/>).</summary>
/// <param name="MapName">The map's name in the object (the C# field name).</param>
/// <param name="Managed">The managed declaration's contents.</param>
/// <param name="Kernel">The loaded kernel map's contents.</param>
public sealed record MapComparison(
    string MapName,
    Func<IReadOnlyDictionary<string, string>> Managed,
    Func<Map, IReadOnlyDictionary<string, string>> Kernel);
