namespace Sharp.Bpf;

/// <summary>What <see cref="Program.Load"/> needs beyond the <see cref="Elf.ProgramSpec"/>: the maps its <c>lddw</c>
/// instructions refer to, the BTF its function and line info point into, and overrides of what the spec says.</summary>
public sealed record ProgramLoadOptions
{
    /// <summary>Returns the descriptor of the map a <see cref="Elf.MapReference"/> names; the descriptor must stay open
    /// until the load returns. Required when the spec has map references.</summary>
    public Func<string, int>? ResolveMapFd { get; init; }

    /// <summary>The descriptor of the loaded BTF (<c>BPF_BTF_LOAD</c>, Linux 5.0) that the spec's function and line info
    /// refer to; null loads the program without them, so the verifier log and <c>bpftool prog dump xlated linum</c>
    /// show no source lines.</summary>
    public int? BtfFd { get; init; }

    /// <summary>Overrides the spec's expected attach type.</summary>
    public AttachType? ExpectedAttachType { get; init; }

    /// <summary>The BTF id of the attach target (for <c>tp_btf</c>, <c>fentry</c>, <c>iter</c>, <c>lsm</c>); null looks the
    /// spec's <see cref="Elf.ProgramSpec.AttachTo"/> up in <c>/sys/kernel/btf/vmlinux</c> when the program type needs it.</summary>
    public uint? AttachBtfId { get; init; }

    /// <summary>Overrides the spec's kernel version (<c>kern_version</c>; only kprobes before Linux 5.0 checked it).</summary>
    public uint? KernelVersion { get; init; }

    /// <summary>Overrides the spec's <c>prog_flags</c>.</summary>
    public uint? Flags { get; init; }

    /// <summary>When set, the first load already asks for a verifier log at this level (1: instructions walked and
    /// errors, 2: every state, 4: statistics only) and <see cref="Program.VerifierLog"/> keeps it even on success;
    /// null loads without a log and asks for level 1 only when the load fails.</summary>
    public uint? LogLevel { get; init; }
}
