// Map-in-map: an array of maps with initial contents and a hash of maps, both with BTF-declared inner maps.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct inner_array {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u32);
};

struct inner_array first_inner SEC(".maps");
struct inner_array second_inner SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
    __uint(max_entries, 2);
    __type(key, __u32);
    __array(values, struct inner_array);
} array_of_maps SEC(".maps") = {
    .values = { &first_inner, &second_inner },
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
    __uint(max_entries, 8);
    __type(key, __u32);
    __array(values, struct {
        __uint(type, BPF_MAP_TYPE_HASH);
        __uint(max_entries, 16);
        __type(key, __u32);
        __type(value, __u64);
    });
} hash_of_maps SEC(".maps");

SEC("socket")
int lookup_nested(struct __sk_buff *skb)
{
    __u32 outer_key = skb->len & 1, inner_key = 0;
    void *inner = bpf_map_lookup_elem(&array_of_maps, &outer_key);
    if (!inner)
        return 0;
    __u32 *value = bpf_map_lookup_elem(inner, &inner_key);
    if (value)
        *value += 1;

    inner = bpf_map_lookup_elem(&hash_of_maps, &outer_key);
    if (!inner)
        return 0;
    __u64 *counter = bpf_map_lookup_elem(inner, &inner_key);
    return counter ? (int)*counter : 0;
}

char LICENSE[] SEC("license") = "GPL";
