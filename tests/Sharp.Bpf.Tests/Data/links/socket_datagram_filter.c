/* Counts every datagram queued to the socket and drops the long ones (more than 64 bytes, headers included). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

enum { SEEN, DROPPED, SLOTS };

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, SLOTS);
    __type(key, __u32);
    __type(value, __u64);
} datagrams SEC(".maps");

static __always_inline void increment(__u32 slot)
{
    __u64 *value = bpf_map_lookup_elem(&datagrams, &slot);
    if (value)
        __sync_fetch_and_add(value, 1);
}

SEC("socket")
int drop_long_datagrams(struct __sk_buff *skb)
{
    increment(SEEN);
    if (skb->len > 64) {
        increment(DROPPED);
        return 0;
    }
    return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
