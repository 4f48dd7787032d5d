// BPF-to-BPF calls: static and global subprograms in .text called from two programs in different sections.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __noinline __u64 mix(__u64 a, __u64 b)
{
    return (a * 31) ^ (b >> 3);
}

static __noinline __u64 checksum(const __u8 *bytes, int length)
{
    __u64 sum = 0;
    for (int i = 0; i < 16 && i < length; i++)
        sum = mix(sum, bytes[i]);
    return sum;
}

__noinline int global_helper(int x)
{
    return x > 100 ? x - 100 : x + (int)mix(x, 7);
}

SEC("xdp")
int xdp_checksum(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *end = (void *)(long)ctx->data_end;
    if (data + 16 > end) return XDP_PASS;
    return checksum(data, 16) == 0 ? XDP_DROP : XDP_PASS;
}

SEC("tc")
int tc_mix(struct __sk_buff *skb)
{
    return global_helper(skb->len) + (int)mix(skb->mark, skb->priority) > 0 ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
