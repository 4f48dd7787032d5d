/* A kprobe that counts calls of the function it is attached to. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} kprobe_hits SEC(".maps");

SEC("kprobe/do_sys_openat2")
int count_kprobe_hits(void *ctx)
{
    __u32 key = 0;
    __u64 *hits = bpf_map_lookup_elem(&kprobe_hits, &key);
    if (hits)
        __sync_fetch_and_add(hits, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
