namespace Sharp.Bpf.Links;

/// <summary>An rtnetlink request (tc qdisc or filter, XDP by netlink, interface lookup) failed. The message names what was
/// being done, the error, and the kernel's own explanation when it sent one (extended ack, Linux 4.12).</summary>
public sealed class NetlinkException : BpfException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The request that failed, e.g. <c>RTM_NEWTFILTER</c>.</param>
    /// <param name="errno">The error number the kernel returned.</param>
    /// <param name="kernelMessage">The kernel's extended-ack text, or null.</param>
    /// <param name="what">What the request was doing, e.g. "attaching program 'count' to eth0 ingress".</param>
    /// <param name="advice">What the error usually means here, or null.</param>
    public NetlinkException(string operation, int errno, string? kernelMessage, string what, string? advice = null)
        : base(operation, errno, Describe(operation, errno, kernelMessage, what, advice))
    {
        KernelMessage = kernelMessage;
    }

    /// <summary>The kernel's extended-ack text (e.g. "Exclusivity flag on, cannot modify"), or null when it sent none.</summary>
    public string? KernelMessage { get; }

    static string Describe(string operation, int errno, string? kernelMessage, string what, string? advice)
    {
        var kernel = kernelMessage is null ? "" : $"; the kernel says: \"{kernelMessage}\"";
        var hint = advice is null ? "" : $"; {advice}";
        return $"{what} failed: {operation}: {DescribeError(errno)}{kernel}{hint}";
    }
}
