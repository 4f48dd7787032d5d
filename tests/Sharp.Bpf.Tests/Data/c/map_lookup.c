// Hash and array map lookups and updates, plus global variables in .data, .rodata and .bss.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} calls_by_pid SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4096);
} events SEC(".maps");

const volatile __u32 target_pid = 0;
__u64 total_calls = 0;
__u32 last_pid = 7;

struct event { __u32 pid; __u64 count; };

SEC("tracepoint/syscalls/sys_enter_write")
int count_writes(void *ctx)
{
    __u32 pid = bpf_get_current_pid_tgid() >> 32;
    if (target_pid && pid != target_pid) return 0;
    __u64 one = 1, *count = bpf_map_lookup_elem(&calls_by_pid, &pid);
    if (count) __sync_fetch_and_add(count, 1);
    else bpf_map_update_elem(&calls_by_pid, &pid, &one, BPF_NOEXIST);
    total_calls++;
    last_pid = pid;
    struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
    if (!e) return 0;
    e->pid = pid;
    e->count = count ? *count : 1;
    bpf_ringbuf_submit(e, 0);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
