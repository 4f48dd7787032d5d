/* Records what sharp_bpf_add and sharp_bpf_square (tests/Sharp.Bpf.Tests/Data/host/uprobe_target.c) receive and return.
 * x86-64 only: arguments in rdi/rsi, the return value in rax. */
#define __TARGET_ARCH_x86
#include <linux/bpf.h>
#include <asm/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

enum { ADD_CALLS, ADD_LAST_A, ADD_LAST_B, SQUARE_RETURNS, SQUARE_LAST_RESULT, MULTI_HITS, SLOTS };

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, SLOTS);
    __type(key, __u32);
    __type(value, __s64);
} observed SEC(".maps");

static __always_inline void store(__u32 slot, __s64 value)
{
    bpf_map_update_elem(&observed, &slot, &value, BPF_ANY);
}

static __always_inline void increment(__u32 slot)
{
    __s64 *value = bpf_map_lookup_elem(&observed, &slot);
    if (value)
        __sync_fetch_and_add(value, 1);
}

SEC("uprobe")
int on_add_entry(struct pt_regs *ctx)
{
    increment(ADD_CALLS);
    store(ADD_LAST_A, (int)PT_REGS_PARM1(ctx));
    store(ADD_LAST_B, (int)PT_REGS_PARM2(ctx));
    return 0;
}

SEC("uretprobe")
int on_square_return(struct pt_regs *ctx)
{
    increment(SQUARE_RETURNS);
    store(SQUARE_LAST_RESULT, (long)PT_REGS_RC(ctx));
    return 0;
}

SEC("uprobe.multi")
int on_any_entry(struct pt_regs *ctx)
{
    increment(MULTI_HITS);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
