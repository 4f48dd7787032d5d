// XDP packet parser: Ethernet → IPv4/IPv6 → TCP/UDP with bounds checks, counting per protocol.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 256);
    __type(key, __u32);
    __type(value, __u64);
} protocol_counts SEC(".maps");

static __always_inline int parse_ports(void *l4, void *end, __u8 protocol, __u16 *destination)
{
    if (protocol == IPPROTO_TCP) {
        struct tcphdr *tcp = l4;
        if ((void *)(tcp + 1) > end) return -1;
        *destination = bpf_ntohs(tcp->dest);
        return tcp->syn && !tcp->ack;
    }
    if (protocol == IPPROTO_UDP) {
        struct udphdr *udp = l4;
        if ((void *)(udp + 1) > end) return -1;
        *destination = bpf_ntohs(udp->dest);
        return 0;
    }
    return 0;
}

SEC("xdp")
int xdp_parse(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *end = (void *)(long)ctx->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return XDP_PASS;

    __u8 protocol;
    void *l4;
    if (eth->h_proto == bpf_htons(ETH_P_IP)) {
        struct iphdr *ip = (void *)(eth + 1);
        if ((void *)(ip + 1) > end) return XDP_PASS;
        if (ip->ihl < 5) return XDP_DROP;
        protocol = ip->protocol;
        l4 = (void *)ip + ip->ihl * 4;
    } else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
        struct ipv6hdr *ip6 = (void *)(eth + 1);
        if ((void *)(ip6 + 1) > end) return XDP_PASS;
        protocol = ip6->nexthdr;
        l4 = ip6 + 1;
    } else {
        return XDP_PASS;
    }

    __u32 key = protocol;
    __u64 *count = bpf_map_lookup_elem(&protocol_counts, &key);
    if (count) *count += 1;

    __u16 port = 0;
    int syn = parse_ports(l4, end, protocol, &port);
    if (syn < 0) return XDP_ABORTED;
    if (syn && port == 22) return XDP_DROP;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
