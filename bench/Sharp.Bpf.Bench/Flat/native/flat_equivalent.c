// flat's probe written in C with the same logic as src/Flat/Kernel/FlatProbe.cs, for the flat benchmark: tc programs at
// ingress and egress that parse Ethernet (up to two 802.1Q/802.1ad tags), IPv4 (honouring the IHL, skipping non-first
// fragments), IPv6 (stepping over up to 6 extension headers), TCP and UDP; skip broadcast and multicast; apply the
// .rodata filter; timestamp SYNs and first UDP datagrams in an LRU hash keyed by flow; and on the SYN/ACK or the first
// datagram back on the reversed 5-tuple send the latency and the reply's TTL to a ring buffer, counting per-CPU drops.
//
// Compiled with -DFLAT_SEND_EVERYTHING it becomes the original design flat replaced: the same parse and filter, but every
// SYN, SYN/ACK and UDP datagram goes to the ring buffer (with its timestamp) for user space to match.
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_EXTENSION_HEADERS 6
#define STALE_AFTER_NS 10000000000ULL

#define ETH_P_IPV4 0x0800
#define ETH_P_VLAN 0x8100
#define ETH_P_QINQ 0x88A8
#define ETH_P_IPV6_ 0x86DD

#define PROTO_HOP_BY_HOP 0
#define PROTO_TCP 6
#define PROTO_UDP 17
#define PROTO_ROUTING 43
#define PROTO_FRAGMENT 44
#define PROTO_AUTHENTICATION 51
#define PROTO_DESTINATION_OPTIONS 60

#define TCP_SYN 0x02
#define TCP_ACK 0x10

struct ethernet_header {
    __u8 destination[6];
    __u8 source[6];
    __be16 ether_type;
};

struct vlan_header {
    __be16 tci;
    __be16 encapsulated_ether_type;
};

struct ipv4_header {
    __u8 version_ihl;
    __u8 tos;
    __be16 total_length;
    __be16 identification;
    __be16 fragment;
    __u8 ttl;
    __u8 protocol;
    __be16 checksum;
    __u32 source;
    __u32 destination;
};

struct ipv6_header {
    __be32 version_class_flow;
    __be16 payload_length;
    __u8 next_header;
    __u8 hop_limit;
    __u8 source[16];
    __u8 destination[16];
};

struct ipv6_extension_header {
    __u8 next_header;
    __u8 length_units;
};

struct ipv6_fragment_header {
    __u8 next_header;
    __u8 reserved;
    __be16 fragment;
    __be32 identification;
};

struct ports {
    __be16 source;
    __be16 destination;
};

struct tcp_header {
    struct ports ports;
    __be32 sequence;
    __be32 acknowledgment;
    __u8 data_offset;
    __u8 flags;
    __be16 window;
    __be16 checksum;
    __be16 urgent;
};

// FlowKey: IPv4 addresses IPv4-mapped, ports host order, explicit padding (map keys compare by bytes).
struct flow_key {
    __u8 source[16];
    __u8 destination[16];
    __u16 source_port;
    __u16 destination_port;
    __u8 protocol;
    __u8 padding0;
    __u16 padding1;
};

// FlowMeasurement.
struct flow_measurement {
    struct flow_key flow;
    __u64 latency_ns;
    __u8 ttl;
    __u8 reply_ingress;
    __u16 padding0;
    __u32 padding1;
};

// FlowFilter.
struct flow_filter {
    __u8 address[16];
    __u16 port;
    __u8 match_address;
    __u8 padding0;
};

// What the send-everything design sends for each SYN, SYN/ACK and UDP datagram: the flow as the packet carries it, the
// packet's kind, its timestamp and TTL.
struct packet_event {
    struct flow_key flow;
    __u64 timestamp_ns;
    __u8 ttl;
    __u8 ingress;
    __u8 tcp_flags;
    __u8 padding0;
    __u32 padding1;
};

const volatile struct flow_filter Filter = {};

struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, struct flow_key);
    __type(value, __u64);
} Pending SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 1 << 20);
} Measurements SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} Drops SEC(".maps");

static __always_inline int same_address(const __u8 *left, const volatile __u8 *right)
{
    for (int i = 0; i < 16; i++)
        if (left[i] != right[i])
            return 0;
    return 1;
}

static __always_inline int wanted(const struct flow_key *key)
{
    if (Filter.port != 0 && key->source_port != Filter.port && key->destination_port != Filter.port)
        return 0;
    if (Filter.match_address == 0)
        return 1;
    return same_address(key->source, Filter.address) || same_address(key->destination, Filter.address);
}

static __always_inline void count_drop(void)
{
    __u32 zero = 0;
    __u64 *drops = bpf_map_lookup_elem(&Drops, &zero);
    if (drops)
        (*drops)++;
}

#ifdef FLAT_SEND_EVERYTHING

static __always_inline void send(const struct flow_key *key, __u8 ttl, __u8 ingress, __u8 tcp_flags)
{
    struct packet_event *event = bpf_ringbuf_reserve(&Measurements, sizeof(*event), 0);
    if (!event) {
        count_drop();
        return;
    }
    event->flow = *key;
    event->timestamp_ns = bpf_ktime_get_ns();
    event->ttl = ttl;
    event->ingress = ingress;
    event->tcp_flags = tcp_flags;
    event->padding0 = 0;
    event->padding1 = 0;
    bpf_ringbuf_submit(event, 0);
}

#else

static __always_inline void reverse(struct flow_key *key)
{
    __u8 address[16];
    __builtin_memcpy(address, key->source, 16);
    __builtin_memcpy(key->source, key->destination, 16);
    __builtin_memcpy(key->destination, address, 16);
    __u16 port = key->source_port;
    key->source_port = key->destination_port;
    key->destination_port = port;
}

// Ends the measurement of request if one is pending; returns whether one was (then it is removed, reported or not).
static __always_inline int complete(const struct flow_key *request, __u8 ttl, __u8 ingress)
{
    __u64 *pending = bpf_map_lookup_elem(&Pending, request);
    if (!pending)
        return 0;
    __u64 start = *pending;
    bpf_map_delete_elem(&Pending, request);
    __u64 latency = bpf_ktime_get_ns() - start;
    if (latency > STALE_AFTER_NS)
        return 1;
    struct flow_measurement *measurement = bpf_ringbuf_reserve(&Measurements, sizeof(*measurement), 0);
    if (!measurement) {
        count_drop();
        return 1;
    }
    measurement->flow = *request;
    measurement->latency_ns = latency;
    measurement->ttl = ttl;
    measurement->reply_ingress = ingress;
    measurement->padding0 = 0;
    measurement->padding1 = 0;
    bpf_ringbuf_submit(measurement, 0);
    return 1;
}

#endif

static __always_inline void observe(struct __sk_buff *skb, __u8 ingress)
{
    void *data = (void *)(long)skb->data;
    void *data_end = (void *)(long)skb->data_end;
    struct ethernet_header *eth = data;
    // The group bit of the destination MAC: multicast, and broadcast (all ones).
    if ((void *)(eth + 1) > data_end || (eth->destination[0] & 1) != 0)
        return;
    __u16 ether_type = bpf_ntohs(eth->ether_type);
    __u32 offset = sizeof(*eth);
    for (int tag = 0; tag < 2; tag++) {
        if (ether_type != ETH_P_VLAN && ether_type != ETH_P_QINQ)
            break;
        struct vlan_header *vlan = data + offset;
        if ((void *)(vlan + 1) > data_end)
            return;
        ether_type = bpf_ntohs(vlan->encapsulated_ether_type);
        offset += sizeof(*vlan);
    }

    struct flow_key key = {};
    __u8 ttl;
    if (ether_type == ETH_P_IPV4) {
        struct ipv4_header *ip = data + offset;
        if ((void *)(ip + 1) > data_end)
            return;
        __u8 ihl = ip->version_ihl & 0x0F;
        __u16 fragment = bpf_ntohs(ip->fragment);
        if (ihl < 5 || ((fragment & 0x3FFF) != 0 && (fragment & 0x1FFF) != 0))
            return;
        // 224.0.0.0/4 multicast and 255.255.255.255 broadcast (network order: the first octet is the low byte).
        __u32 destination = ip->destination;
        if ((destination & 0xF0) == 0xE0 || destination == 0xFFFFFFFF)
            return;
        key.source[10] = 0xFF;
        key.source[11] = 0xFF;
        key.destination[10] = 0xFF;
        key.destination[11] = 0xFF;
        __builtin_memcpy(&key.source[12], &ip->source, 4);
        __builtin_memcpy(&key.destination[12], &destination, 4);
        key.protocol = ip->protocol;
        ttl = ip->ttl;
        offset += ihl * 4;
    } else if (ether_type == ETH_P_IPV6_) {
        struct ipv6_header *ip = data + offset;
        if ((void *)(ip + 1) > data_end || ip->destination[0] == 0xFF)
            return;
        __builtin_memcpy(key.source, ip->source, 16);
        __builtin_memcpy(key.destination, ip->destination, 16);
        key.protocol = ip->next_header;
        ttl = ip->hop_limit;
        offset += sizeof(*ip);
        for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
            if (key.protocol == PROTO_FRAGMENT) {
                struct ipv6_fragment_header *fragment = data + offset;
                if ((void *)(fragment + 1) > data_end || (bpf_ntohs(fragment->fragment) & 0xFFF8) != 0)
                    return;
                key.protocol = fragment->next_header;
                offset += sizeof(*fragment);
            } else if (key.protocol == PROTO_AUTHENTICATION) {
                struct ipv6_extension_header *authentication = data + offset;
                if ((void *)(authentication + 1) > data_end)
                    return;
                key.protocol = authentication->next_header;
                offset += (authentication->length_units + 2) * 4;
            } else if (key.protocol == PROTO_HOP_BY_HOP || key.protocol == PROTO_ROUTING || key.protocol == PROTO_DESTINATION_OPTIONS) {
                struct ipv6_extension_header *extension = data + offset;
                if ((void *)(extension + 1) > data_end)
                    return;
                key.protocol = extension->next_header;
                offset += (extension->length_units + 1) * 8;
            } else {
                break;
            }
        }
    } else {
        return;
    }

    if (key.protocol == PROTO_TCP) {
        struct tcp_header *tcp = data + offset;
        if ((void *)(tcp + 1) > data_end)
            return;
        key.source_port = bpf_ntohs(tcp->ports.source);
        key.destination_port = bpf_ntohs(tcp->ports.destination);
        if (!wanted(&key))
            return;
        __u8 handshake = tcp->flags & (TCP_SYN | TCP_ACK);
#ifdef FLAT_SEND_EVERYTHING
        if (handshake == TCP_SYN || handshake == (TCP_SYN | TCP_ACK))
            send(&key, ttl, ingress, tcp->flags);
#else
        // A retransmitted SYN overwrites the timestamp, so retransmission waits are not reported as latency.
        if (handshake == TCP_SYN) {
            __u64 now = bpf_ktime_get_ns();
            bpf_map_update_elem(&Pending, &key, &now, BPF_ANY);
        } else if (handshake == (TCP_SYN | TCP_ACK)) {
            reverse(&key);
            complete(&key, ttl, ingress);
        }
#endif
    } else if (key.protocol == PROTO_UDP) {
        struct ports *udp = data + offset;
        // The whole 8-byte UDP header must be there, as in the C# probe.
        if (data + offset + 8 > data_end)
            return;
        key.source_port = bpf_ntohs(udp->source);
        key.destination_port = bpf_ntohs(udp->destination);
        if (!wanted(&key))
            return;
#ifdef FLAT_SEND_EVERYTHING
        send(&key, ttl, ingress, 0);
#else
        // A reply ends the measurement of the reversed flow; otherwise this is a request: the first datagram starts a
        // measurement, later ones in the same direction leave it running.
        reverse(&key);
        if (complete(&key, ttl, ingress))
            return;
        reverse(&key);
        __u64 now = bpf_ktime_get_ns();
        bpf_map_update_elem(&Pending, &key, &now, BPF_NOEXIST);
#endif
    }
}

SEC("tc")
int Ingress(struct __sk_buff *skb)
{
    observe(skb, 1);
    return TC_ACT_OK;
}

SEC("tc")
int Egress(struct __sk_buff *skb)
{
    observe(skb, 0);
    return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
