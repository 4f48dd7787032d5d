// Counts IPv4 TCP and UDP packets to or from the test ports, for the TC and XDP attach tests.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define UDP_PORT 40000
#define TCP_PORT 40001
#define COUNT_TCP 0
#define COUNT_UDP 1

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} counts SEC(".maps");

struct ports { __be16 source; __be16 dest; };

static __always_inline void count(void *data, void *data_end)
{
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP)) return;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > data_end || ip->ihl != 5) return;
    struct ports *ports = (void *)(ip + 1);
    if ((void *)(ports + 1) > data_end) return;
    __u32 key;
    if (ip->protocol == IPPROTO_UDP && (ports->source == bpf_htons(UDP_PORT) || ports->dest == bpf_htons(UDP_PORT))) key = COUNT_UDP;
    else if (ip->protocol == IPPROTO_TCP && (ports->source == bpf_htons(TCP_PORT) || ports->dest == bpf_htons(TCP_PORT))) key = COUNT_TCP;
    else return;
    __u64 *value = bpf_map_lookup_elem(&counts, &key);
    if (value) __sync_fetch_and_add(value, 1);
}

SEC("tc")
int count_tc(struct __sk_buff *skb)
{
    count((void *)(long)skb->data, (void *)(long)skb->data_end);
    return 0; /* TC_ACT_OK */
}

SEC("tc")
int pass_tc(struct __sk_buff *skb)
{
    return 0;
}

SEC("xdp")
int count_xdp(struct xdp_md *ctx)
{
    count((void *)(long)ctx->data, (void *)(long)ctx->data_end);
    return XDP_PASS;
}

SEC("xdp")
int pass_xdp(struct xdp_md *ctx)
{
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
