// ISA v4 instructions: sign-extending loads and moves, signed division and modulo, byte swaps, gotol.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sample { __s8 a; __s16 b; __s32 c; __s64 d; };

__s64 out[8] = {};
struct sample in = {};

SEC("tracepoint/syscalls/sys_enter_getppid")
int isa_v4(void *ctx)
{
    volatile struct sample *s = &in;
    __s64 a = s->a, b = s->b, c = s->c, d = s->d;
    out[0] = d / (c | 1);
    out[1] = d % (b | 1);
    out[2] = (__s32)c / -7;
    out[3] = (__s32)c % 5;
    out[4] = (__s8)d + (__s16)d + (__s32)d;
    out[5] = __builtin_bswap64(d) ^ __builtin_bswap32(c) ^ __builtin_bswap16(b);
    out[6] = a;
    __s32 x = (__s32)d;
    out[7] = (__s64)(__s8)x + (__s16)x;
    return 0;
}

SEC("xdp")
int long_jump(struct xdp_md *ctx)
{
    __u32 n = ctx->ingress_ifindex;
    __u64 acc = 0;
    if (n == 0) goto out;
#pragma clang loop unroll(full)
    for (int i = 0; i < 5000; i++)
        acc = (acc ^ n) * 13 + (acc >> 7) + i;
out:
    return acc == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
