// The reference perf buffer consumer for Sharp.Bpf.Bench: libbpf's perf_buffer__poll over one BPF-output perf event per
// CPU, opened with the same attributes as Sharp.Bpf's PerfBufferReader (perf_buffer__new_raw, so the wake-up policy can be
// the same on both sides). Built into a shared library at benchmark start.
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct perfbuf_consumer {
	struct perf_buffer *buffer;
	int64_t records;
	int64_t lost;
	uint64_t checksum;
};

struct raw_sample {
	struct perf_event_header header;
	uint32_t size;
	char data[];
};

struct lost_records {
	struct perf_event_header header;
	uint64_t id;
	uint64_t lost;
};

static enum bpf_perf_event_ret on_event(void *context, int cpu, struct perf_event_header *event)
{
	struct perfbuf_consumer *state = context;
	uint64_t sequence;

	(void)cpu;
	if (event->type == PERF_RECORD_SAMPLE) {
		memcpy(&sequence, ((struct raw_sample *)event)->data, sizeof(sequence));
		state->checksum += sequence;
		state->records++;
	} else if (event->type == PERF_RECORD_LOST) {
		state->lost += ((struct lost_records *)event)->lost;
	}
	return LIBBPF_PERF_EVENT_CONT;
}

// Sets up libbpf's perf buffer manager over the perf event array map_fd with page_count data pages per CPU, waking the
// reader per record, or after watermark_bytes when non-zero; NULL (and errno) on failure.
struct perfbuf_consumer *perfbuf_consumer_open(int map_fd, int page_count, uint32_t watermark_bytes)
{
	struct perfbuf_consumer *consumer = calloc(1, sizeof(*consumer));
	struct perf_event_attr attr = { 0 };

	if (!consumer)
		return NULL;
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_BPF_OUTPUT;
	attr.sample_type = PERF_SAMPLE_RAW;
	attr.sample_period = 1;
	if (watermark_bytes) {
		attr.watermark = 1;
		attr.wakeup_watermark = watermark_bytes;
	} else {
		attr.wakeup_events = 1;
	}
	consumer->buffer = perf_buffer__new_raw(map_fd, page_count, &attr, on_event, consumer, NULL);
	if (!consumer->buffer) {
		free(consumer);
		return NULL;
	}
	return consumer;
}

// Polls until *producer_done is set and a poll finds nothing, then drains what is left. Returns the records consumed
// (their sequence-number sum in *checksum, lost records in *lost), or a negative errno.
int64_t perfbuf_consumer_run(struct perfbuf_consumer *consumer, const volatile int *producer_done, uint64_t *checksum, int64_t *lost)
{
	int polled;

	consumer->records = 0;
	consumer->lost = 0;
	consumer->checksum = 0;
	for (;;) {
		polled = perf_buffer__poll(consumer->buffer, 1);
		if (polled < 0 && polled != -EINTR)
			return polled;
		if (polled == 0 && *producer_done)
			break;
	}
	perf_buffer__consume(consumer->buffer);
	*checksum = consumer->checksum;
	*lost = consumer->lost;
	return consumer->records;
}

void perfbuf_consumer_close(struct perfbuf_consumer *consumer)
{
	perf_buffer__free(consumer->buffer);
	free(consumer);
}
