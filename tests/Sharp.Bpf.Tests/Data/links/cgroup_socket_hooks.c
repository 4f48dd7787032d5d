/* Counts socket creations and IPv4 connects of processes in a cgroup, allowing them all. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

enum { SOCKETS_CREATED, IPV4_CONNECTS, SLOTS };

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, SLOTS);
    __type(key, __u32);
    __type(value, __u64);
} socket_calls SEC(".maps");

static __always_inline void increment(__u32 slot)
{
    __u64 *value = bpf_map_lookup_elem(&socket_calls, &slot);
    if (value)
        __sync_fetch_and_add(value, 1);
}

SEC("cgroup/sock_create")
int count_socket_creation(struct bpf_sock *sock)
{
    if (sock->family == 2 /* AF_INET */)
        increment(SOCKETS_CREATED);
    return 1;
}

SEC("cgroup/connect4")
int count_ipv4_connect(struct bpf_sock_addr *address)
{
    increment(IPV4_CONNECTS);
    return 1;
}

char LICENSE[] SEC("license") = "GPL";
