// One BTF-defined map of every basic map type, each used by a program so the verifier sees it.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct flow_key {
    __u32 saddr;
    __u32 daddr;
    __u16 sport;
    __u16 dport;
    __u32 protocol;
};

struct lpm_v4_key {
    __u32 prefixlen;
    __u32 address;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} hash_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 16);
    __type(key, __u32);
    __type(value, __u64);
} array_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
    __uint(max_entries, 128);
    __type(key, __u32);
    __type(value, __u64);
} percpu_hash_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u64);
} percpu_array_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 256);
    __type(key, struct flow_key);
    __type(value, __u64);
} lru_hash_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
    __uint(max_entries, 256);
    __type(key, struct flow_key);
    __type(value, __u32);
} lru_percpu_hash_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_LPM_TRIE);
    __uint(max_entries, 64);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, struct lpm_v4_key);
    __type(value, __u32);
} lpm_trie_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_QUEUE);
    __uint(max_entries, 32);
    __type(value, __u64);
} queue_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_STACK);
    __uint(max_entries, 32);
    __type(value, __u64);
} stack_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4096 * 4);
} ring_buffer_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
    __uint(key_size, sizeof(__u32));
    __uint(value_size, sizeof(__u32));
} perf_event_map SEC(".maps");

SEC("socket")
int touch_hashes(struct __sk_buff *skb)
{
    __u32 key = skb->len & 15;
    __u64 one = 1, *value;

    value = bpf_map_lookup_elem(&hash_map, &key);
    if (value)
        __sync_fetch_and_add(value, 1);
    else
        bpf_map_update_elem(&hash_map, &key, &one, BPF_NOEXIST);

    value = bpf_map_lookup_elem(&percpu_hash_map, &key);
    if (value)
        *value += 1;

    struct flow_key flow = { .saddr = key, .protocol = 6 };
    bpf_map_update_elem(&lru_hash_map, &flow, &one, BPF_ANY);
    __u32 small = 1;
    bpf_map_update_elem(&lru_percpu_hash_map, &flow, &small, BPF_ANY);
    return 0;
}

SEC("socket")
int touch_arrays(struct __sk_buff *skb)
{
    __u32 key = skb->len & 3;
    __u64 *value = bpf_map_lookup_elem(&array_map, &key);
    if (value)
        *value += skb->len;
    value = bpf_map_lookup_elem(&percpu_array_map, &key);
    if (value)
        *value += 1;

    struct lpm_v4_key prefix = { .prefixlen = 32, .address = skb->hash };
    __u32 *class_id = bpf_map_lookup_elem(&lpm_trie_map, &prefix);
    return class_id ? *class_id : 0;
}

SEC("socket")
int touch_queues(struct __sk_buff *skb)
{
    __u64 length = skb->len;
    bpf_map_push_elem(&queue_map, &length, BPF_ANY);
    bpf_map_push_elem(&stack_map, &length, BPF_ANY);
    __u64 popped = 0;
    bpf_map_pop_elem(&queue_map, &popped);
    bpf_map_pop_elem(&stack_map, &popped);
    return (int)popped;
}

SEC("socket")
int emit_events(struct __sk_buff *skb)
{
    __u64 length = skb->len;
    bpf_ringbuf_output(&ring_buffer_map, &length, sizeof(length), 0);
    bpf_perf_event_output(skb, &perf_event_map, BPF_F_CURRENT_CPU, &length, sizeof(length));
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
