using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0001–0099: C# the compiler cannot turn into eBPF. Each message names the construct and what to write instead.
internal static partial class Diagnostics
{
    public static readonly DiagnosticDescriptor OnlyConstantReturns = new(
        "SBPF0001", "Unsupported construct",
        "Only constant returns are supported in this version: {0}; write 'return <constant>;' or '=> <constant>'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
