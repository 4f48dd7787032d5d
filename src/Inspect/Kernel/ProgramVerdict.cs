namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>What loading one program of an object showed: the kernel's figures when the program loaded, else why it did not.</summary>
/// <param name="Name">The program's function name.</param>
/// <param name="Type">The program type.</param>
/// <param name="Section">The ELF section the program came from.</param>
/// <param name="Info">What the kernel reported after the load, or null when it failed.</param>
/// <param name="Error">The verifier's or the kernel's message when the load failed, or null.</param>
internal sealed record ProgramVerdict(string Name, ProgramType Type, string Section, ProgramInfo? Info, string? Error);
