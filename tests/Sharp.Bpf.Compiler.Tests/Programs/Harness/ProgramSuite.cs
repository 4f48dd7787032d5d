namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>One <c>[BpfObject]</c> class of the compiler's regression programs: its compiled object and, for each of its
/// programs, how to run it as managed code and what inputs to feed it. Every concrete subclass in this assembly is found
/// by <see cref="ProgramSuites"/> and gets a disassembly snapshot, a verifier load and a differential run per program.</summary>
public abstract class ProgramSuite
{
    /// <summary>The <c>[BpfObject]</c> class; its name names the snapshot file.</summary>
    public abstract Type KernelClass { get; }

    /// <summary>The ELF object the generator embedded in <see cref="KernelClass"/>.</summary>
    public abstract byte[] ObjectBytes { get; }

    /// <summary>Every program of <see cref="KernelClass"/>, each with its managed oracle and inputs.</summary>
    public abstract IReadOnlyList<DifferentialProgram> Programs { get; }

    /// <summary>Puts the class's managed state (static maps and globals) back to its initial values, as a freshly loaded
    /// collection has it; called before each differential run.</summary>
    public virtual void ResetManagedState()
    {
    }

    /// <summary>The kernel class's name.</summary>
    public string Name => KernelClass.Name;

    /// <summary>The program called <paramref name="name"/>.</summary>
    public DifferentialProgram Program(string name) =>
        Programs.SingleOrDefault(p => p.Name == name) ?? throw new ArgumentException($"{Name} has no program '{name}'", nameof(name));
}
