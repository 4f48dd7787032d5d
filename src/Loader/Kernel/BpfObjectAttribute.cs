namespace Sharp.Bpf.Kernel;

/// <summary>Marks a <c>static partial class</c> as one BPF object: the generator compiles its program methods, map fields and
/// globals into a single libbpf-style ELF object and generates the typed bindings that load it.</summary>
/// <remarks>Compiles to the object's <c>license</c> section (a NUL-terminated string). Programs that call GPL-only helpers
/// (<see cref="Bpf.TracePrintk(string)"/>, the probe reads, perf event output) need a GPL-compatible license, or the kernel
/// refuses to load them.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BpfObjectAttribute : Attribute
{
    /// <summary>The license string written to the <c>license</c> section, e.g. <c>"GPL"</c> or <c>"Dual MIT/GPL"</c>.
    /// Required: the generator reports a diagnostic when it is missing.</summary>
    public string? License { get; init; }
}
