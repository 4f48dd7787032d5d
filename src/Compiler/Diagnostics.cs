using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

/// <summary>The compiler's diagnostics. SBPF0001–0099: unsupported C#; SBPF0100–0199: object/program declarations;
/// SBPF9xxx: internal errors.</summary>
internal static class Diagnostics
{
    const string Category = "Sharp.Bpf.Compiler";

    public static readonly DiagnosticDescriptor OnlyConstantReturns = new(
        "SBPF0001", "Unsupported construct",
        "Only constant returns are supported in this version: {0}; write 'return <constant>;' or '=> <constant>'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedDeclaration = new(
        "SBPF0100", "Unsupported BPF object declaration",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "SBPF9000", "Internal compiler error",
        "The eBPF compiler failed: {0}; please report this with the source that caused it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "SBPF0001" => OnlyConstantReturns,
        "SBPF0100" => UnsupportedDeclaration,
        _ => InternalError,
    };

    public static Diagnostic Create(DiagnosticInfo info) =>
        Diagnostic.Create(ById(info.Id), info.Where?.ToLocation() ?? Location.None, info.Argument);
}
