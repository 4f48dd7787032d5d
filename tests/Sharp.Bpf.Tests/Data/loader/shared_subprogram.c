// A subprogram in .text called from two programs, and several programs sharing one section.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __noinline __u32 scramble(__u32 value)
{
    return (value * 2654435761u) >> 7;
}

__noinline __u32 classify(__u32 length)
{
    if (length < 64)
        return 1;
    return scramble(length) & 7;
}

SEC("xdp")
int xdp_first(struct xdp_md *ctx)
{
    __u32 length = ctx->data_end - ctx->data;
    return classify(length) == 0 ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int xdp_second(struct xdp_md *ctx)
{
    __u32 length = ctx->data_end - ctx->data;
    return scramble(length) + classify(length + 1) > 3 ? XDP_PASS : XDP_TX;
}

SEC("xdp")
int xdp_third(struct xdp_md *ctx)
{
    return XDP_PASS;
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
    return classify(skb->len) > 4 ? 2 : 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
