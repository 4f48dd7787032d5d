// Tail calls through a program array whose slots are filled from the object (libbpf's __array(values, ...) init).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

int tail_step_one(struct __sk_buff *skb);
int tail_step_two(struct __sk_buff *skb);

struct {
    __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
    __uint(max_entries, 4);
    __uint(key_size, sizeof(__u32));
    __array(values, int (void *));
} jump_table SEC(".maps") = {
    .values = {
        [1] = (void *)&tail_step_one,
        [2] = (void *)&tail_step_two,
    },
};

SEC("socket")
int tail_step_two(struct __sk_buff *skb)
{
    return 2;
}

SEC("socket")
int tail_step_one(struct __sk_buff *skb)
{
    bpf_tail_call(skb, &jump_table, 2);
    return 1;
}

SEC("socket")
int tail_entry(struct __sk_buff *skb)
{
    bpf_tail_call(skb, &jump_table, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
