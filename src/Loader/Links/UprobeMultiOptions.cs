namespace Sharp.Bpf.Links;

/// <summary>How <see cref="UprobeMulti.Attach"/> and <see cref="UprobeMulti.AttachReturn"/> attach.</summary>
public sealed record UprobeMultiOptions
{
    /// <summary>Only this process runs the program; null for every process that runs the binary.</summary>
    public int? ProcessId { get; init; }

    /// <summary>One cookie per symbol, in the same order (what <c>bpf_get_attach_cookie</c> returns at each); null for none.</summary>
    public IReadOnlyList<ulong>? Cookies { get; init; }
}
