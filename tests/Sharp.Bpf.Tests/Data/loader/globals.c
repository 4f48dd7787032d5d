// Global variables with initialisers in .data, .rodata (const volatile configuration), .bss, and a custom .data.* section;
// a static variable, which clang relocates against the section symbol with the offset left in the instruction.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct settings {
    __u32 threshold;
    __u16 port;
    __u8 enabled;
    __u8 padding;
};

const volatile struct settings config = { .threshold = 1500, .port = 443, .enabled = 1 };
const volatile __u64 scale = 3;
__u64 packets_seen = 0;
__u64 bytes_seen;
__u32 last_length = 0x1234;
__u64 total_length = 42;
__u32 per_port_hits[4] SEC(".data.hits") = { 1, 2, 3, 4 };
static volatile __u64 static_counter = 9;

SEC("socket")
int count_packets(struct __sk_buff *skb)
{
    if (!config.enabled)
        return 0;
    packets_seen++;
    bytes_seen += skb->len * scale;
    last_length = skb->len;
    total_length += skb->len;
    per_port_hits[skb->len & 3]++;
    static_counter++;
    return skb->len > config.threshold ? config.port : 0;
}

char LICENSE[] SEC("license") = "GPL";
