// A tracepoint-driven histogram, the C side of the code-quality benchmark (the same logic as
// Kernels/SyscallHistogram.cs): on raw tracepoint sys_exit, adds one to the log2 bucket of the syscall's non-negative
// return value (args[1]) in an array map. The log2 is libbpf-tools' branch-free one.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define BUCKETS 64

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, BUCKETS);
    __type(key, __u32);
    __type(value, __u64);
} return_value_log2 SEC(".maps");

static __always_inline __u32 log2_32(__u32 v)
{
    __u32 shift, r;
    r = (v > 0xFFFF) << 4; v >>= r;
    shift = (v > 0xFF) << 3; v >>= shift; r |= shift;
    shift = (v > 0xF) << 2; v >>= shift; r |= shift;
    shift = (v > 0x3) << 1; v >>= shift; r |= shift;
    r |= (v >> 1);
    return r;
}

static __always_inline __u32 log2_64(__u64 v)
{
    __u32 high = v >> 32;
    return high ? log2_32(high) + 32 : log2_32(v);
}

SEC("raw_tp/sys_exit")
int syscall_histogram(struct bpf_raw_tracepoint_args *ctx)
{
    long ret = (long)ctx->args[1];
    if (ret < 0)
        return 0;
    __u32 bucket = log2_64(ret);
    __u64 *count = bpf_map_lookup_elem(&return_value_log2, &bucket);
    if (count)
        __sync_fetch_and_add(count, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
