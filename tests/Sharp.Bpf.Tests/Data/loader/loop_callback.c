// bpf_loop with a callback in .text: its address is loaded by an lddw relocated against the function.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct loop_state {
    __u64 sum;
    __u32 limit;
};

static int add_index(__u32 index, void *context)
{
    struct loop_state *state = context;
    if (index >= state->limit)
        return 1;
    state->sum += index;
    return 0;
}

__u64 last_sum = 0;

SEC("tp/syscalls/sys_enter_getpid")
int sum_indices(void *ctx)
{
    struct loop_state state = { .sum = 0, .limit = 10 };
    bpf_loop(100, add_index, &state, 0);
    last_sum = state.sum;
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
