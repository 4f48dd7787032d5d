namespace Sharp.Bpf.Kernel;

/// <summary>What an XDP program returns (<c>enum xdp_action</c> in linux/bpf.h).</summary>
public enum XdpAction
{
    /// <summary>0, <c>XDP_ABORTED</c>: drop and raise the <c>xdp_exception</c> tracepoint (a program error).</summary>
    Aborted = 0,
    /// <summary>1, <c>XDP_DROP</c>: drop the packet.</summary>
    Drop = 1,
    /// <summary>2, <c>XDP_PASS</c>: hand the packet to the network stack.</summary>
    Pass = 2,
    /// <summary>3, <c>XDP_TX</c>: bounce the packet out of the interface it arrived on.</summary>
    Tx = 3,
    /// <summary>4, <c>XDP_REDIRECT</c>: what <see cref="Bpf.XdpRedirect"/> returns on success.</summary>
    Redirect = 4,
}
