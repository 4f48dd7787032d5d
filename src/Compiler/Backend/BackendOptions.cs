namespace Sharp.Bpf.Compiler.Backend;

/// <summary>How the backend selects instructions.</summary>
/// <param name="IsaV4">Use ISA v4 instructions (Linux 6.6): <c>sdiv</c>/<c>smod</c>, sign-extending moves and loads, and
/// <c>gotol</c> for branches beyond ±32767 slots. Off (the default), the output is ISA v3 (JMP32, Linux 5.1) and signed division,
/// sign extension and far branches are expanded or reported.</param>
internal sealed record BackendOptions(bool IsaV4 = false);
