namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Uprobe.Attach"/> and <see cref="Uprobe.AttachReturn"/> attach.</summary>
public sealed record UprobeOptions
{
    /// <summary>Only this process runs the program; null for every process that runs the binary.</summary>
    public int? ProcessId { get; init; }

    /// <summary>Bytes added to the symbol's file offset (entry probes only); 0 probes the function's entry.</summary>
    public ulong Offset { get; init; }

    /// <summary>File offset of a USDT semaphore the kernel increments while the probe is attached (Linux 4.20); 0 for none.</summary>
    public ulong ReferenceCounterOffset { get; init; }

    /// <summary>By bpf_link or by ioctl; <see cref="PerfEventAttachMode.Automatic"/> picks the link when the kernel has it.</summary>
    public PerfEventAttachMode Mode { get; init; }

    /// <summary>What <c>bpf_get_attach_cookie</c> returns in the program (needs a bpf_link: Linux 5.15); 0 for none.</summary>
    public ulong Cookie { get; init; }

    /// <summary>The uprobe PMU or a tracefs trace event; <see cref="UprobeAttachMethod.Automatic"/> outside tests, which force
    /// the fallback on kernels that have the PMU.</summary>
    internal UprobeAttachMethod Method { get; init; }
}
