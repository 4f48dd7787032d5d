using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0100–0199: [BpfObject] classes, program methods, map and global declarations.
internal static partial class Diagnostics
{
    public static readonly DiagnosticDescriptor UnsupportedDeclaration = new(
        "SBPF0100", "Unsupported BPF object declaration",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
