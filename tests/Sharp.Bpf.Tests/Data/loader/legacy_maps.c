// Legacy maps declared as struct bpf_map_def in the "maps" section, and a kernel version section.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct bpf_map_def {
    unsigned int type;
    unsigned int key_size;
    unsigned int value_size;
    unsigned int max_entries;
    unsigned int map_flags;
};

struct bpf_map_def SEC("maps") legacy_hash = {
    .type = BPF_MAP_TYPE_HASH,
    .key_size = sizeof(__u32),
    .value_size = sizeof(__u64),
    .max_entries = 64,
    .map_flags = BPF_F_NO_PREALLOC,
};

struct bpf_map_def SEC("maps") legacy_array = {
    .type = BPF_MAP_TYPE_ARRAY,
    .key_size = sizeof(__u32),
    .value_size = sizeof(__u32),
    .max_entries = 8,
};

SEC("socket")
int legacy_counter(struct __sk_buff *skb)
{
    __u32 key = skb->len & 7;
    __u32 *slot = bpf_map_lookup_elem(&legacy_array, &key);
    if (slot)
        *slot += 1;
    __u64 length = skb->len;
    bpf_map_update_elem(&legacy_hash, &key, &length, BPF_ANY);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
__u32 KERNEL_VERSION_CODE SEC("version") = 0x061200;
