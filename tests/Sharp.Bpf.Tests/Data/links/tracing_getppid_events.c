/* Emits one record per getppid call — the caller's tgid and a fixed marker — to a ring buffer or a perf event array. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct getppid_event {
    __u32 tgid;
    __u32 marker;
};

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 256 * 1024);
} getppid_events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
    __uint(key_size, sizeof(__u32));
    __uint(value_size, sizeof(__u32));
} getppid_perf_events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} not_an_event_map SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int emit_getppid(void *ctx)
{
    struct getppid_event *event = bpf_ringbuf_reserve(&getppid_events, sizeof(*event), 0);
    if (!event)
        return 0;
    event->tgid = bpf_get_current_pid_tgid() >> 32;
    event->marker = 0x5eb0;
    bpf_ringbuf_submit(event, 0);
    return 0;
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int perf_getppid(void *ctx)
{
    struct getppid_event event = { .tgid = bpf_get_current_pid_tgid() >> 32, .marker = 0x5eb0 };
    bpf_perf_event_output(ctx, &getppid_perf_events, BPF_F_CURRENT_CPU, &event, sizeof(event));
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
