/* Every BTF kind clang emits: ints, pointers, arrays, structs with bitfields, unions,
 * enums (signed, unsigned, 64-bit), forward declarations, typedefs, const/volatile/restrict,
 * functions of each linkage, function prototypes, globals in .data/.rodata/.bss,
 * floats, decl tags and type tags, and a BTF-defined map. */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 direction : 1;
	__u8 flags : 3;
	union {
		__u32 v4;
		__u8 v6[16];
	} addr;
};

enum verdict { VERDICT_PASS, VERDICT_DROP = 5, VERDICT_REDIRECT };
enum delta { DELTA_BACK = -1, DELTA_NONE = 0 };
enum wide : unsigned long long { WIDE_MAX = 0xffffffffffULL };
enum wide_signed : long long { WIDE_MIN = -0x100000000LL };

struct opaque;
union opaque_union;

typedef int (*handler_t)(int code, const char *why);

struct stats {
	__u64 packets;
	__u64 bytes;
	double mean;
	float weight;
	enum verdict last;
	enum delta trend;
	enum wide peak;
	enum wide_signed floor;
	struct opaque *hidden;
	union opaque_union *hidden_union;
	handler_t on_error;
	char *restrict scratch;
	const volatile __u32 *live;
	int grid[2][3];
	int (*fallback)(void);
} __attribute__((btf_decl_tag("stats_tag")));

struct tagged {
	int value __attribute__((btf_decl_tag("member_tag")));
	int __attribute__((btf_type_tag("user"))) *user_pointer;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct flow_key);
	__type(value, struct stats);
} flows SEC(".maps");

__u64 packets_seen = 7;
const volatile __u32 sample_rate = 100;
struct tagged last_tagged;
double smoothing;
extern int LINUX_KERNEL_VERSION __kconfig;
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

static __attribute__((noinline)) int classify(struct flow_key *key __attribute__((btf_decl_tag("param_tag"))))
{
	return key->proto == 6 ? VERDICT_PASS : VERDICT_DROP;
}

__attribute__((noinline)) int account(struct stats *s, __u64 length)
{
	s->packets++;
	s->bytes += length;
	return s->trend + s->peak + s->floor;
}

SEC("xdp")
int count_flows(struct xdp_md *ctx)
{
	struct flow_key key = {};
	struct stats *s;

	key.proto = ctx->data_end - ctx->data;
	key.flags = ctx->ingress_ifindex;
	s = bpf_map_lookup_elem(&flows, &key);
	if (!s)
		return XDP_PASS;
	packets_seen += sample_rate + LINUX_KERNEL_VERSION;
	if (bpf_rdonly_cast(s, 0))
		return XDP_DROP;
	last_tagged.value = s->grid[1][2];
	return classify(&key) + account(s, key.flags) + s->on_error(1, "x") + (s->fallback ? 1 : 0);
}

char LICENSE[] SEC("license") = "GPL";
