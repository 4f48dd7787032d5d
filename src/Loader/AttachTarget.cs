using Sharp.Bpf.Btf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Finds the kernel BTF type a BTF-attached program names in its section (<c>tp_btf/sched_switch</c>,
/// <c>fentry/tcp_connect</c>, <c>iter/task</c>, <c>lsm/file_open</c>), by libbpf's naming conventions.</summary>
internal static class AttachTarget
{
    /// <summary>The BTF name and kind that <paramref name="attachTo"/> maps to for this program type and attach type,
    /// or null when the program is not attached by BTF id.</summary>
    public static (string Name, BtfKind Kind)? TypeFor(ProgramType type, AttachType attachType, string attachTo) => (type, attachType) switch
    {
        (ProgramType.Tracing, AttachType.TraceRawTracepoint) => ("btf_trace_" + attachTo, BtfKind.Typedef),
        (ProgramType.Tracing, AttachType.TraceIter) => ("bpf_iter_" + attachTo, BtfKind.Function),
        (ProgramType.Tracing, AttachType.TraceFentry or AttachType.TraceFexit or AttachType.ModifyReturn) => (attachTo, BtfKind.Function),
        (ProgramType.Lsm, _) => ("bpf_lsm_" + attachTo, BtfKind.Function),
        _ => null,
    };

    /// <summary>The vmlinux BTF id of the attach target of <paramref name="programName"/>, or null when the program type
    /// is not attached by BTF id.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no BTF, or its BTF has no such target.</exception>
    public static uint? Resolve(string programName, ProgramType type, AttachType attachType, string? attachTo)
    {
        if (attachTo is null || TypeFor(type, attachType, attachTo) is not var (name, kind)) return null;
        var vmlinux = KernelBtf.TryGetVmlinux()
            ?? throw new BpfNotSupportedException("BPF_PROG_LOAD", Errno.ENOENT, $"kernel BTF ({KernelBtf.VmlinuxPath}, needed to attach program '{programName}')", "5.4");
        if (vmlinux.TryFindType(name, kind, out uint id)) return id;
        throw new BpfNotSupportedException("BPF_PROG_LOAD", Errno.ENOENT, $"attach target {kind} '{name}' of program '{programName}' in {KernelBtf.VmlinuxPath}", minimumKernel: null);
    }
}
