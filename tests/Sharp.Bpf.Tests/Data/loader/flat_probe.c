// The flat-style probe: a tc program that parses Ethernet (with one optional VLAN tag), IPv4 or IPv6, then TCP or UDP,
// remembers when a flow's request (SYN, or a UDP datagram) was seen in an LRU hash keyed by the flow, and sends the
// latency to a ring buffer when the matching reply (SYN/ACK, or a UDP datagram the other way) arrives.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_8021Q_TAG 0x8100
#define ETH_P_8021AD_TAG 0x88A8

struct vlan_header {
    __be16 tci;
    __be16 encapsulated_proto;
};

struct flow_key {
    __u8 saddr[16];
    __u8 daddr[16];
    __u16 sport;
    __u16 dport;
    __u8 protocol;
    __u8 family;
    __u16 padding;
};

struct latency_event {
    struct flow_key flow;
    __u64 request_ns;
    __u64 latency_ns;
};

struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 16384);
    __type(key, struct flow_key);
    __type(value, __u64);
} pending_requests SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 256 * 1024);
} latency_events SEC(".maps");

const volatile __u16 watched_port = 0;

static __always_inline void reverse(const struct flow_key *flow, struct flow_key *reply)
{
    __builtin_memcpy(reply->saddr, flow->daddr, 16);
    __builtin_memcpy(reply->daddr, flow->saddr, 16);
    reply->sport = flow->dport;
    reply->dport = flow->sport;
    reply->protocol = flow->protocol;
    reply->family = flow->family;
    reply->padding = 0;
}

static __always_inline int parse_flow(struct __sk_buff *skb, struct flow_key *flow, __u8 *tcp_flags)
{
    void *data = (void *)(long)skb->data;
    void *data_end = (void *)(long)skb->data_end;
    struct ethhdr *ethernet = data;
    if ((void *)(ethernet + 1) > data_end)
        return -1;

    void *cursor = ethernet + 1;
    __u16 proto = ethernet->h_proto;
    if (proto == bpf_htons(ETH_P_8021Q_TAG) || proto == bpf_htons(ETH_P_8021AD_TAG)) {
        struct vlan_header *vlan = cursor;
        if ((void *)(vlan + 1) > data_end)
            return -1;
        proto = vlan->encapsulated_proto;
        cursor = vlan + 1;
    }

    __u8 transport;
    if (proto == bpf_htons(ETH_P_IP)) {
        struct iphdr *ip = cursor;
        if ((void *)(ip + 1) > data_end || ip->ihl < 5)
            return -1;
        __builtin_memset(flow->saddr, 0, 16);
        __builtin_memset(flow->daddr, 0, 16);
        __builtin_memcpy(flow->saddr, &ip->saddr, 4);
        __builtin_memcpy(flow->daddr, &ip->daddr, 4);
        flow->family = 4;
        transport = ip->protocol;
        cursor = (void *)ip + ip->ihl * 4;
    } else if (proto == bpf_htons(ETH_P_IPV6)) {
        struct ipv6hdr *ip6 = cursor;
        if ((void *)(ip6 + 1) > data_end)
            return -1;
        __builtin_memcpy(flow->saddr, &ip6->saddr, 16);
        __builtin_memcpy(flow->daddr, &ip6->daddr, 16);
        flow->family = 6;
        transport = ip6->nexthdr;
        cursor = ip6 + 1;
    } else {
        return -1;
    }

    flow->protocol = transport;
    flow->padding = 0;
    *tcp_flags = 0;
    if (transport == IPPROTO_TCP) {
        struct tcphdr *tcp = cursor;
        if ((void *)(tcp + 1) > data_end)
            return -1;
        flow->sport = tcp->source;
        flow->dport = tcp->dest;
        *tcp_flags = ((__u8 *)tcp)[13];
    } else if (transport == IPPROTO_UDP) {
        struct udphdr *udp = cursor;
        if ((void *)(udp + 1) > data_end)
            return -1;
        flow->sport = udp->source;
        flow->dport = udp->dest;
    } else {
        return -1;
    }
    return 0;
}

#define TCP_FLAG_SYN 0x02
#define TCP_FLAG_ACK 0x10

SEC("tc")
int flat_probe(struct __sk_buff *skb)
{
    struct flow_key flow = {};
    __u8 tcp_flags;
    if (parse_flow(skb, &flow, &tcp_flags) < 0)
        return TC_ACT_UNSPEC;
    if (watched_port && flow.sport != bpf_htons(watched_port) && flow.dport != bpf_htons(watched_port))
        return TC_ACT_UNSPEC;

    __u64 now = bpf_ktime_get_ns();
    int is_request = flow.protocol == IPPROTO_UDP || (tcp_flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN;
    int is_reply = flow.protocol == IPPROTO_UDP || (tcp_flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == (TCP_FLAG_SYN | TCP_FLAG_ACK);

    if (is_reply) {
        struct flow_key request;
        reverse(&flow, &request);
        __u64 *started = bpf_map_lookup_elem(&pending_requests, &request);
        if (started) {
            struct latency_event *event = bpf_ringbuf_reserve(&latency_events, sizeof(*event), 0);
            if (event) {
                event->flow = request;
                event->request_ns = *started;
                event->latency_ns = now - *started;
                bpf_ringbuf_submit(event, 0);
            }
            bpf_map_delete_elem(&pending_requests, &request);
            return TC_ACT_UNSPEC;
        }
    }
    if (is_request)
        bpf_map_update_elem(&pending_requests, &flow, &now, BPF_ANY);
    return TC_ACT_UNSPEC;
}

char LICENSE[] SEC("license") = "GPL";
