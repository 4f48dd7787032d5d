using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

// SBPF0200–0299: limits of the target (stack size, instruction count, registers).
internal static partial class Diagnostics
{
}
