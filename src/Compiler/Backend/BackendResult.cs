namespace Sharp.Bpf.Compiler.Backend;

/// <summary>The compiled function, or null when <see cref="Diagnostics"/> holds an error that stopped it.</summary>
internal sealed record BackendResult(CompiledFunction? Function, EquatableArray<DiagnosticInfo> Diagnostics);
