namespace Sharp.Bpf.Inspect.Assemblies;

/// <summary>An eBPF ELF object that the Sharp.Bpf compiler embedded in an assembly as a class's <c>ObjectBytes</c>.</summary>
/// <param name="TypeName">The namespace-qualified name of the class (nested classes joined with <c>.</c>).</param>
/// <param name="ClassName">The class's own name.</param>
/// <param name="Bytes">The object file; empty when the compiler reported errors for the class and embedded nothing.</param>
internal sealed record EmbeddedObject(string TypeName, string ClassName, byte[] Bytes);
