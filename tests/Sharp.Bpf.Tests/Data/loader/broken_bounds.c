// Deliberately rejected by the verifier: a packet read without checking it against data_end.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int read_unchecked(struct xdp_md *ctx)
{
    unsigned char *data = (void *)(long)ctx->data;
    unsigned char first_byte = data[14];
    return first_byte == 0x45 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
