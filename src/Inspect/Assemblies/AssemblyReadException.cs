namespace Sharp.Bpf.Inspect.Assemblies;

/// <summary>An assembly could not be read, or holds no embedded eBPF object the inspector can extract; the message says why.</summary>
internal sealed class AssemblyReadException(string message, Exception? inner = null) : Exception(message, inner);
