namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Kprobe.Attach"/> and <see cref="Kprobe.AttachReturn"/> attach.</summary>
public sealed record KprobeOptions
{
    /// <summary>Bytes into the function to probe (entry probes only); 0 probes the entry.</summary>
    public ulong Offset { get; init; }

    /// <summary>By bpf_link or by ioctl; <see cref="PerfEventAttachMode.Automatic"/> picks the link when the kernel has it.</summary>
    public PerfEventAttachMode Mode { get; init; }

    /// <summary>What <c>bpf_get_attach_cookie</c> returns in the program (needs a bpf_link: Linux 5.15); 0 for none.</summary>
    public ulong Cookie { get; init; }
}
