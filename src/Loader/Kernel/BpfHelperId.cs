namespace Sharp.Bpf.Kernel;

/// <summary>The kernel helper functions <see cref="Sharp.Bpf.Kernel"/> calls, by their ids in <c>enum bpf_func_id</c>
/// (linux/bpf.h): a helper call compiles to <c>call &lt;id&gt;</c> with arguments in r1–r5 and the result in r0.</summary>
public enum BpfHelperId
{
    /// <summary>1, <c>bpf_map_lookup_elem</c> (Linux 3.19).</summary>
    MapLookupElem = 1,
    /// <summary>2, <c>bpf_map_update_elem</c> (Linux 3.19).</summary>
    MapUpdateElem = 2,
    /// <summary>3, <c>bpf_map_delete_elem</c> (Linux 3.19).</summary>
    MapDeleteElem = 3,
    /// <summary>5, <c>bpf_ktime_get_ns</c> (Linux 4.1).</summary>
    KtimeGetNs = 5,
    /// <summary>6, <c>bpf_trace_printk</c> (Linux 4.1, GPL only).</summary>
    TracePrintk = 6,
    /// <summary>7, <c>bpf_get_prandom_u32</c> (Linux 4.1).</summary>
    GetPrandomU32 = 7,
    /// <summary>8, <c>bpf_get_smp_processor_id</c> (Linux 4.1).</summary>
    GetSmpProcessorId = 8,
    /// <summary>12, <c>bpf_tail_call</c> (Linux 4.2).</summary>
    TailCall = 12,
    /// <summary>14, <c>bpf_get_current_pid_tgid</c> (Linux 4.2).</summary>
    GetCurrentPidTgid = 14,
    /// <summary>15, <c>bpf_get_current_uid_gid</c> (Linux 4.2).</summary>
    GetCurrentUidGid = 15,
    /// <summary>16, <c>bpf_get_current_comm</c> (Linux 4.2).</summary>
    GetCurrentComm = 16,
    /// <summary>23, <c>bpf_redirect</c> (Linux 4.4; XDP 4.14).</summary>
    Redirect = 23,
    /// <summary>25, <c>bpf_perf_event_output</c> (Linux 4.4, GPL only).</summary>
    PerfEventOutput = 25,
    /// <summary>26, <c>bpf_skb_load_bytes</c> (Linux 4.5).</summary>
    SkbLoadBytes = 26,
    /// <summary>39, <c>bpf_skb_pull_data</c> (Linux 4.9).</summary>
    SkbPullData = 39,
    /// <summary>87, <c>bpf_map_push_elem</c> (Linux 4.20).</summary>
    MapPushElem = 87,
    /// <summary>88, <c>bpf_map_pop_elem</c> (Linux 4.20).</summary>
    MapPopElem = 88,
    /// <summary>89, <c>bpf_map_peek_elem</c> (Linux 4.20).</summary>
    MapPeekElem = 89,
    /// <summary>112, <c>bpf_probe_read_user</c> (Linux 5.5, GPL only).</summary>
    ProbeReadUser = 112,
    /// <summary>113, <c>bpf_probe_read_kernel</c> (Linux 5.5, GPL only).</summary>
    ProbeReadKernel = 113,
    /// <summary>114, <c>bpf_probe_read_user_str</c> (Linux 5.5, GPL only).</summary>
    ProbeReadUserStr = 114,
    /// <summary>115, <c>bpf_probe_read_kernel_str</c> (Linux 5.5, GPL only).</summary>
    ProbeReadKernelStr = 115,
    /// <summary>125, <c>bpf_ktime_get_boot_ns</c> (Linux 5.8).</summary>
    KtimeGetBootNs = 125,
    /// <summary>130, <c>bpf_ringbuf_output</c> (Linux 5.8).</summary>
    RingbufOutput = 130,
    /// <summary>131, <c>bpf_ringbuf_reserve</c> (Linux 5.8).</summary>
    RingbufReserve = 131,
    /// <summary>132, <c>bpf_ringbuf_submit</c> (Linux 5.8).</summary>
    RingbufSubmit = 132,
    /// <summary>133, <c>bpf_ringbuf_discard</c> (Linux 5.8).</summary>
    RingbufDiscard = 133,
    /// <summary>181, <c>bpf_loop</c> (Linux 5.17).</summary>
    Loop = 181,
}
