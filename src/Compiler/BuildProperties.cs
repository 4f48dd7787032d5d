using Microsoft.CodeAnalysis.Diagnostics;
using Sharp.Bpf.Compiler.Backend;

namespace Sharp.Bpf.Compiler;

/// <summary>The MSBuild properties the compiler reads (made visible by <c>CompilerVisibleProperty</c> in the Sharp.Bpf
/// package's build props), shared by the generator and the analyzer so that both compile for the same target.</summary>
internal static class BuildProperties
{
    /// <summary><c>&lt;SharpBpfIsaVersion&gt;4&lt;/SharpBpfIsaVersion&gt;</c> selects ISA v4 (Linux 6.6): <c>sdiv</c>/<c>smod</c>,
    /// sign-extending moves and loads, <c>gotol</c>. Anything else, or nothing, is ISA v3 (Linux 5.1).</summary>
    public const string IsaVersion = "build_property.SharpBpfIsaVersion";

    /// <summary>The backend options the project's properties select.</summary>
    public static BackendOptions BackendOptions(AnalyzerConfigOptions options) =>
        new(IsaV4: options.TryGetValue(IsaVersion, out var version) && version.Trim() is "4" or "v4");
}
