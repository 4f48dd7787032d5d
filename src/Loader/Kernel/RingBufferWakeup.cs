namespace Sharp.Bpf.Kernel;

/// <summary>Whether committing a ring buffer record wakes the reader (the <c>flags</c> of <c>bpf_ringbuf_output</c>,
/// <c>_submit</c> and <c>_discard</c>).</summary>
public enum RingBufferWakeup : ulong
{
    /// <summary>0: wake the reader when it has caught up (the kernel's adaptive default).</summary>
    Default = 0,
    /// <summary>1, <c>BPF_RB_NO_WAKEUP</c>: never wake the reader for this record (batch wakeups yourself).</summary>
    NoWakeup = 1,
    /// <summary>2, <c>BPF_RB_FORCE_WAKEUP</c>: always wake the reader.</summary>
    ForceWakeup = 2,
}
