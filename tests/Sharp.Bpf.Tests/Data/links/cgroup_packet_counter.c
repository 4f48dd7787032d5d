/* Counts the packets that processes in a cgroup send, and lets them all pass. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} egress_packets SEC(".maps");

SEC("cgroup_skb/egress")
int count_egress(struct __sk_buff *skb)
{
    __u32 key = 0;
    __u64 *packets = bpf_map_lookup_elem(&egress_packets, &key);
    if (packets)
        __sync_fetch_and_add(packets, 1);
    return 1;
}

char LICENSE[] SEC("license") = "GPL";
