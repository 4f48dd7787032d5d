using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0200–0299: limits of the target (stack size, instruction count, registers).
internal static partial class Diagnostics
{
    public static readonly DiagnosticDescriptor StackTooLarge = new(
        "SBPF0200", "Stack frame too large",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BranchTooFar = new(
        "SBPF0201", "Function too large for ISA v3 branches",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
