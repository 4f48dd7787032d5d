// tc classifier using both direct packet access and the legacy packet loads (ld_abs / ld_ind).
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");
unsigned long long load_word(void *skb, unsigned long long off) asm("llvm.bpf.load.word");

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
    void *data = (void *)(long)skb->data;
    void *end = (void *)(long)skb->data_end;
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end) return TC_ACT_OK;
    if (eth->h_proto != bpf_htons(ETH_P_IP)) return TC_ACT_OK;
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > end) return TC_ACT_OK;
    if (ip->ttl <= 1) return TC_ACT_SHOT;
    skb->mark = ip->tos;
    skb->priority = bpf_ntohl(ip->saddr) & 0xff;
    return TC_ACT_OK;
}

SEC("socket")
int socket_filter(struct __sk_buff *skb)
{
    if (load_half(skb, offsetof(struct ethhdr, h_proto)) != ETH_P_IP) return 0;
    __u64 header_length = (load_byte(skb, ETH_HLEN) & 0x0f) << 2;
    if (load_byte(skb, ETH_HLEN + offsetof(struct iphdr, protocol)) != IPPROTO_TCP) return 0;
    __u64 ports = load_word(skb, ETH_HLEN + header_length);
    return (ports & 0xffff) == 80 ? -1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
