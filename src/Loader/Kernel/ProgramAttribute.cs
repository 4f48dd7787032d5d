namespace Sharp.Bpf.Kernel;

/// <summary>Marks a static method of a <see cref="BpfObjectAttribute"/> class as a BPF program. Each derived attribute is one
/// program type; it knows the libbpf section name the generator writes, and so the program type and expected attach type
/// the loader derives from that name.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class ProgramAttribute : Attribute
{
    /// <summary>The libbpf section name the program is emitted into, e.g. <c>tracepoint/syscalls/sys_enter_write</c>.</summary>
    public abstract string SectionName { get; }

    /// <summary>The program type the section name implies (<c>BPF_PROG_LOAD</c>'s <c>prog_type</c>).</summary>
    public abstract ProgramType ProgramType { get; }

    /// <summary>The expected attach type the section name implies (<c>expected_attach_type</c>; 0 when the type has none).</summary>
    public virtual AttachType ExpectedAttachType => 0;
}
