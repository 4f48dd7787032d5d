/* CO-RE field accesses: clang records each one in .BTF.ext as a relocation the loader patches. */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_like {
	int state;
	int pid;
	int tgid;
} __attribute__((preserve_access_index));

SEC("tracepoint/sched/sched_switch")
int read_pid(struct task_like *task)
{
	int pid = BPF_CORE_READ(task, pid);

	if (bpf_core_field_exists(task->tgid))
		return pid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
