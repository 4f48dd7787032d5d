namespace Sharp.Bpf.Links;

/// <summary>How <see cref="Tracepoint.Attach"/> attaches.</summary>
public sealed record TracepointOptions
{
    /// <summary>By bpf_link or by ioctl; <see cref="PerfEventAttachMode.Automatic"/> picks the link when the kernel has it.</summary>
    public PerfEventAttachMode Mode { get; init; }

    /// <summary>What <c>bpf_get_attach_cookie</c> returns in the program (needs a bpf_link: Linux 5.15); 0 for none.</summary>
    public ulong Cookie { get; init; }
}
