// The reference ring buffer consumer for Sharp.Bpf.Bench: libbpf's ring_buffer__poll, as a C user of libbpf writes it.
// Built into a shared library at benchmark start, so it reads the same map, fed by the same producer thread, in the same
// process as the managed reader it is compared with.
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ringbuf_consumer {
	struct ring_buffer *ring;
	int64_t records;
	uint64_t checksum;
};

static int on_record(void *context, void *data, size_t size)
{
	struct ringbuf_consumer *consumer = context;
	uint64_t sequence;

	(void)size;
	memcpy(&sequence, data, sizeof(sequence));
	consumer->checksum += sequence;
	consumer->records++;
	return 0;
}

// Sets up libbpf's ring buffer manager over the ring buffer map map_fd; NULL (and errno) on failure.
struct ringbuf_consumer *ringbuf_consumer_open(int map_fd)
{
	struct ringbuf_consumer *consumer = calloc(1, sizeof(*consumer));

	if (!consumer)
		return NULL;
	consumer->ring = ring_buffer__new(map_fd, on_record, consumer, NULL);
	if (!consumer->ring) {
		free(consumer);
		return NULL;
	}
	return consumer;
}

// Polls until *producer_done is set and a poll finds nothing, then drains what is left. Returns the records consumed
// (their sequence-number sum in *checksum), or a negative errno.
int64_t ringbuf_consumer_run(struct ringbuf_consumer *consumer, const volatile int *producer_done, uint64_t *checksum)
{
	int polled;

	consumer->records = 0;
	consumer->checksum = 0;
	for (;;) {
		polled = ring_buffer__poll(consumer->ring, 1);
		if (polled < 0 && polled != -EINTR)
			return polled;
		if (polled == 0 && *producer_done)
			break;
	}
	ring_buffer__consume(consumer->ring);
	*checksum = consumer->checksum;
	return consumer->records;
}

void ringbuf_consumer_close(struct ringbuf_consumer *consumer)
{
	ring_buffer__free(consumer->ring);
	free(consumer);
}
