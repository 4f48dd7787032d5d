namespace Sharp.Bpf.Inspect.Kernel;

/// <summary>The names bpftool prints for program and map types (libbpf's <c>prog_type_name</c> and <c>map_type_name</c>
/// tables), so that our listings read the same.</summary>
internal static class BpfTypeNames
{
    static readonly string[] ProgramTypes =
    [
        "unspec", "socket_filter", "kprobe", "sched_cls", "sched_act", "tracepoint", "xdp", "perf_event", "cgroup_skb",
        "cgroup_sock", "lwt_in", "lwt_out", "lwt_xmit", "sock_ops", "sk_skb", "cgroup_device", "sk_msg", "raw_tracepoint",
        "cgroup_sock_addr", "lwt_seg6local", "lirc_mode2", "sk_reuseport", "flow_dissector", "cgroup_sysctl",
        "raw_tracepoint_writable", "cgroup_sockopt", "tracing", "struct_ops", "ext", "lsm", "sk_lookup", "syscall", "netfilter",
    ];

    static readonly string[] MapTypes =
    [
        "unspec", "hash", "array", "prog_array", "perf_event_array", "percpu_hash", "percpu_array", "stack_trace",
        "cgroup_array", "lru_hash", "lru_percpu_hash", "lpm_trie", "array_of_maps", "hash_of_maps", "devmap", "sockmap",
        "cpumap", "xskmap", "sockhash", "cgroup_storage", "reuseport_sockarray", "percpu_cgroup_storage", "queue", "stack",
        "sk_storage", "devmap_hash", "struct_ops", "ringbuf", "inode_storage", "task_storage", "bloom_filter", "user_ringbuf",
        "cgrp_storage", "arena",
    ];

    /// <summary>bpftool's name for <paramref name="type"/>, or <c>type N</c> for a type newer than this table.</summary>
    public static string Of(ProgramType type) => Lookup(ProgramTypes, (uint)type);

    /// <summary>bpftool's name for <paramref name="type"/>, or <c>type N</c> for a type newer than this table.</summary>
    public static string Of(MapType type) => Lookup(MapTypes, (uint)type);

    static string Lookup(string[] names, uint value) => value < names.Length ? names[value] : $"type {value}";
}
