using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.CodeQuality.Kernels;

/// <summary>One measured request/reply pair, laid out as <c>struct latency_event</c> in native/tc_probe.c.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProbeLatencyEvent
{
    /// <summary>The request's flow.</summary>
    public ProbeFlowKey Flow;

    /// <summary>When the request was seen (<c>bpf_ktime_get_ns</c>).</summary>
    public ulong RequestNs;

    /// <summary>Reply time minus request time.</summary>
    public ulong LatencyNs;
}
