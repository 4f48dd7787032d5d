using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler;

/// <summary>The compiler's diagnostics, one partial file per part of the compiler that reports them. Ranges:
/// SBPF0001–0099 unsupported C# constructs (Diagnostics.Lowering.cs); SBPF0100–0199 object and program declarations
/// (Diagnostics.Objects.cs); SBPF0200–0299 resource limits (Diagnostics.Backend.cs); SBPF9xxx internal errors (here).
/// Each is documented, with a wrong and a right example, in docs/diagnostics.md.</summary>
internal static partial class Diagnostics
{
    const string Category = "Sharp.Bpf.Compiler";

    public static readonly DiagnosticDescriptor InternalError = new(
        "SBPF9000", "Internal compiler error",
        "The eBPF compiler failed: {0}; please report this with the source that caused it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // Reported by the generator only, so that a project with the generator but without Sharp.Bpf.Analyzers does not get an
    // empty ObjectBytes silently; with the analyzer present it adds one line to the analyzer's specific diagnostics.
    public static readonly DiagnosticDescriptor ObjectNotCompiled = new(
        "SBPF9001", "eBPF object not compiled",
        "[BpfObject] class '{0}' was not compiled, so its ObjectBytes is empty: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Every descriptor declared in any part of this class.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> All => all.Value;

    // Built on first use, not in a static initializer: C# leaves the order of static field initializers across the parts of
    // a partial class to the compiler (csc follows file order, and Diagnostics.cs sorts before Diagnostics.Lowering.cs), so
    // an initializer here would read the other parts' descriptors while they are still null.
    static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> all = new(() => typeof(Diagnostics)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToDictionary(descriptor => descriptor.Id));

    /// <summary>Whether <paramref name="id"/> is an internal error (SBPF9xxx), which the generator reports; every other
    /// diagnostic is the analyzer's to report.</summary>
    public static bool IsInternal(string id) => id.StartsWith("SBPF9", StringComparison.Ordinal);

    public static DiagnosticDescriptor ById(string id) => All.TryGetValue(id, out var descriptor) ? descriptor : InternalError;

    public static Diagnostic Create(DiagnosticInfo info) =>
        Diagnostic.Create(ById(info.Id), info.Where?.ToLocation() ?? Location.None, info.Argument);
}
