/* Counts system calls per process (tgid) at three kinds of tracepoint: classic, raw and BTF. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} getppid_calls SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} raw_syscalls SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} btf_syscalls SEC(".maps");

static __always_inline void count_current_process(void *map)
{
    __u32 tgid = bpf_get_current_pid_tgid() >> 32;
    __u64 one = 1;
    __u64 *count = bpf_map_lookup_elem(map, &tgid);
    if (count)
        __sync_fetch_and_add(count, 1);
    else
        bpf_map_update_elem(map, &tgid, &one, BPF_NOEXIST);
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int count_getppid(void *ctx)
{
    count_current_process(&getppid_calls);
    return 0;
}

SEC("raw_tp/sys_enter")
int count_raw_sys_enter(void *ctx)
{
    count_current_process(&raw_syscalls);
    return 0;
}

SEC("tp_btf/sys_enter")
int count_btf_sys_enter(unsigned long long *ctx)
{
    count_current_process(&btf_syscalls);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
