// Every atomic the BPF backend emits: add/or/and/xor with and without fetch, xchg and cmpxchg, 32 and 64 bits.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u64 counter64 = 0;
__u32 counter32 = 0;
__u64 results[16] = {};

SEC("tracepoint/syscalls/sys_enter_getpid")
int atomics(void *ctx)
{
    __u64 value = bpf_get_prandom_u32();
    __sync_fetch_and_add(&counter64, 1);
    __sync_fetch_and_add(&counter32, 1);
    __sync_fetch_and_or(&counter64, value);
    __sync_fetch_and_and(&counter64, value);
    __sync_fetch_and_xor(&counter64, value);
    __sync_fetch_and_or(&counter32, (__u32)value);
    __sync_fetch_and_and(&counter32, (__u32)value);
    __sync_fetch_and_xor(&counter32, (__u32)value);
    results[0] = __sync_fetch_and_add(&counter64, value);
    results[1] = __sync_fetch_and_or(&counter64, value);
    results[2] = __sync_fetch_and_and(&counter64, value);
    results[3] = __sync_fetch_and_xor(&counter64, value);
    results[4] = __sync_fetch_and_add(&counter32, (__u32)value);
    results[5] = __sync_fetch_and_or(&counter32, (__u32)value);
    results[6] = __sync_fetch_and_and(&counter32, (__u32)value);
    results[7] = __sync_fetch_and_xor(&counter32, (__u32)value);
    results[8] = __sync_lock_test_and_set(&counter64, value);
    results[9] = __sync_lock_test_and_set(&counter32, (__u32)value);
    results[10] = __sync_val_compare_and_swap(&counter64, 5, value);
    results[11] = __sync_val_compare_and_swap(&counter32, 5, (__u32)value);
    results[12] = __atomic_exchange_n(&counter64, value, __ATOMIC_SEQ_CST);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
