// Bounded loops, a bpf_loop callback (a code-address lddw) and a switch with a jump table.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct loop_state { __u64 sum; __u32 limit; };

static long add_index(__u64 index, void *context)
{
    struct loop_state *state = context;
    state->sum += index * index;
    return index >= state->limit;
}

__u64 result = 0;
__u32 table[64] = {};

SEC("tracepoint/syscalls/sys_enter_nanosleep")
int loops(void *ctx)
{
    struct loop_state state = { .sum = 0, .limit = bpf_get_prandom_u32() & 63 };
    bpf_loop(100, add_index, &state, 0);
    __u64 sum = state.sum;
    for (__u32 i = 0; i < 64; i++) {
        if (table[i] == 0) break;
        sum += table[i];
    }
    __u32 j = 0;
    while (j < state.limit && j < 64) {
        sum ^= (__u64)table[j] << (j & 31);
        j += 3;
    }
    result = sum;
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
