using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0100–0199: [BpfObject] classes, program methods, map and global declarations. Each message names the declaration
// and says what to write instead.
internal static partial class Diagnostics
{
    public static readonly DiagnosticDescriptor UnsupportedDeclaration = new(
        "SBPF0100", "Unsupported BPF object declaration",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonConstantMapArgument = new(
        "SBPF0101", "Map argument is not a constant",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMapDeclaration = new(
        "SBPF0102", "Unsupported map declaration",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TypeWithoutLayout = new(
        "SBPF0103", "Type has no eBPF memory layout",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonConstantGlobalInitializer = new(
        "SBPF0104", "Global initialiser is not a constant",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidProgramDeclaration = new(
        "SBPF0105", "Invalid program declaration",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
