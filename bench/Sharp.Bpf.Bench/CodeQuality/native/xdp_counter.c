// An XDP per-protocol packet counter, the C side of the code-quality benchmark (the same logic as
// Kernels/XdpProtocolCounter.cs): counts every IPv4 or IPv6 packet in a per-CPU array indexed by its IP protocol.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 256);
    __type(key, __u32);
    __type(value, __u64);
} packets_by_protocol SEC(".maps");

SEC("xdp")
int count_protocols(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct ethhdr *ethernet = data;
    if ((void *)(ethernet + 1) > data_end)
        return XDP_PASS;

    __u32 protocol;
    if (ethernet->h_proto == bpf_htons(ETH_P_IP)) {
        struct iphdr *ip = (void *)(ethernet + 1);
        if ((void *)(ip + 1) > data_end)
            return XDP_PASS;
        protocol = ip->protocol;
    } else if (ethernet->h_proto == bpf_htons(ETH_P_IPV6)) {
        struct ipv6hdr *ip6 = (void *)(ethernet + 1);
        if ((void *)(ip6 + 1) > data_end)
            return XDP_PASS;
        protocol = ip6->nexthdr;
    } else {
        return XDP_PASS;
    }

    __u64 *count = bpf_map_lookup_elem(&packets_by_protocol, &protocol);
    if (count)
        *count += 1;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
