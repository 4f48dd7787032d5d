/* Counts the samples of a CPU clock perf event. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} samples SEC(".maps");

SEC("perf_event")
int count_samples(void *ctx)
{
    __u32 key = 0;
    __u64 *count = bpf_map_lookup_elem(&samples, &key);
    if (count)
        __sync_fetch_and_add(count, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
