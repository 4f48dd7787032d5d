using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Features;

/// <summary>Cached probes of the running kernel's networking attach points. Each probe runs once per process, on first
/// use, and changes nothing on the system; the probes are thread-safe.</summary>
public static class NetworkFeatures
{
    /// <summary>The loopback interface's index, which Linux fixes at 1 in every network namespace.</summary>
    const int LoopbackIndex = 1;

    static readonly Lazy<NetworkFeature> tcxLinks = new(ProbeTcxLinks);

    /// <summary>Whether tc programs can be attached by TCX link (Linux 6.6). Probed by <c>BPF_PROG_QUERY</c> of loopback's
    /// TCX ingress hook, which kernels with TCX answer and older kernels reject with EINVAL.</summary>
    /// <remarks>Needs CAP_NET_ADMIN (root); without it the probe reports the feature absent and says why.</remarks>
    public static NetworkFeature TcxLinks => tcxLinks.Value;

    static NetworkFeature ProbeTcxLinks()
    {
        const string name = "TCX links";
        var attr = new ProgramQueryAttr { Target = LoopbackIndex, AttachType = (uint)AttachType.TcxIngress };
        if (Syscall.TryBpf(BpfCommand.ProgramQuery, ref attr, out _, out int errno))
            return new NetworkFeature(name, true, $"BPF_PROG_QUERY of loopback's TCX ingress hook succeeded ({attr.Count} programs attached)");
        return errno == Errno.EPERM
            ? new NetworkFeature(name, false, "BPF_PROG_QUERY of a TCX hook needs CAP_NET_ADMIN, which this process lacks, so TCX could not be probed")
            : new NetworkFeature(name, false, $"BPF_PROG_QUERY of loopback's TCX ingress hook failed with {Errno.Name(errno)}: this kernel predates TCX (Linux 6.6)");
    }
}
