using System.Runtime.InteropServices;

namespace Sharp.Bpf.Interop;

/// <summary>The <c>BPF_LINK_CREATE</c> member (<c>link_create</c>) of union bpf_attr (linux/bpf.h). The trailing union holds
/// the attach-type-specific part; the fields below name each variant's members at their offsets.</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal struct LinkCreateAttr
{
    /// <summary><c>prog_fd</c> (or <c>map_fd</c> for struct_ops).</summary>
    [FieldOffset(0)] public uint ProgramFd;
    /// <summary><c>target_fd</c> (cgroup, perf event) or <c>target_ifindex</c> (XDP, TCX, netkit).</summary>
    [FieldOffset(4)] public uint Target;
    /// <summary><c>attach_type</c> (enum bpf_attach_type).</summary>
    [FieldOffset(8)] public uint AttachType;
    /// <summary><c>flags</c>: XDP mode flags; <c>BPF_F_BEFORE</c>/<c>BPF_F_AFTER</c>/<c>BPF_F_ID</c>/<c>BPF_F_LINK</c> for TCX.</summary>
    [FieldOffset(12)] public uint Flags;

    /// <summary><c>target_btf_id</c>, or <c>tracing.target_btf_id</c>.</summary>
    [FieldOffset(16)] public uint TargetBtfId;
    /// <summary><c>iter_info</c>: pointer to union bpf_iter_link_info.</summary>
    [FieldOffset(16)] public ulong IterInfo;
    /// <summary><c>iter_info_len</c>.</summary>
    [FieldOffset(24)] public uint IterInfoLength;
    /// <summary><c>perf_event.bpf_cookie</c>.</summary>
    [FieldOffset(16)] public ulong PerfEventCookie;
    /// <summary><c>tracing.cookie</c>.</summary>
    [FieldOffset(24)] public ulong TracingCookie;

    /// <summary><c>tcx.relative_fd</c>/<c>relative_id</c> (also <c>netkit</c>, <c>cgroup</c>): the program or link to order against.</summary>
    [FieldOffset(16)] public uint RelativeFdOrId;
    /// <summary><c>tcx.expected_revision</c>: fail with ESTALE unless the hook's revision is this (0: no check).</summary>
    [FieldOffset(24)] public ulong ExpectedRevision;

    /// <summary><c>uprobe_multi.path</c>: pointer to the NUL-terminated binary path.</summary>
    [FieldOffset(16)] public ulong UprobeMultiPath;
    /// <summary><c>uprobe_multi.offsets</c>: pointer to <c>cnt</c> u64 file offsets.</summary>
    [FieldOffset(24)] public ulong UprobeMultiOffsets;
    /// <summary><c>uprobe_multi.ref_ctr_offsets</c>: pointer to <c>cnt</c> u64 semaphore offsets, or 0.</summary>
    [FieldOffset(32)] public ulong UprobeMultiRefCounterOffsets;
    /// <summary><c>uprobe_multi.cookies</c>: pointer to <c>cnt</c> u64 cookies, or 0.</summary>
    [FieldOffset(40)] public ulong UprobeMultiCookies;
    /// <summary><c>uprobe_multi.cnt</c>.</summary>
    [FieldOffset(48)] public uint UprobeMultiCount;
    /// <summary><c>uprobe_multi.flags</c>: <c>BPF_F_UPROBE_MULTI_RETURN</c> (1) for uretprobes.</summary>
    [FieldOffset(52)] public uint UprobeMultiFlags;
    /// <summary><c>uprobe_multi.pid</c>: 0 for every process.</summary>
    [FieldOffset(56)] public uint UprobeMultiPid;
}
