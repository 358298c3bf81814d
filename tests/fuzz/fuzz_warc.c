/* fuzz_warc.c - libFuzzer target for the WARC reader (what `assay ingest`
 * reads from .warc and .warc.gz files, possibly truncated or hostile).
 *
 * The reader takes a path, so each input is written to one temporary file
 * per process. Checks: every record handed over lies in memory the reader
 * owns (ASan sees the reads), page records carry a URL, and the reader's
 * counts of pages taken and refused add up to the pages handed over.
 * Seeds are in tests/fuzz/corpus/warc/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assay.h"
#include "fetch.h"
#include "warc.h"

static char path[64];

static int on_record(void *ctx, const struct assay_warc_record *rec)
{
	unsigned char sum = 0;

	if (!rec->type || (rec->block_len && !rec->block))
		abort();
	for (size_t i = 0; i < rec->block_len; i++)
		sum ^= (unsigned char)rec->block[i];
	if (rec->payload && rec->payload_len) {
		sum ^= (unsigned char)rec->payload[rec->payload_len - 1];
		sum ^= (unsigned char)rec->payload[0];
	}
	*(unsigned char *)ctx ^= sum; /* every byte read: ASan checks the bounds */
	return 0;
}

static int on_page(void *ctx, const struct assay_page *page)
{
	++*(unsigned *)ctx;
	if (!page->url || (page->len && !page->body))
		abort();
	return page->len % 7 == 3 ? ASSAY_EPARSE : ASSAY_OK; /* refusals too */
}

static int write_input(const uint8_t *data, size_t size)
{
	FILE *f;

	if (!path[0]) {
		int fd;

		snprintf(path, sizeof path, "/tmp/fuzz_warc.XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			return -1;
		close(fd);
	}
	f = fopen(path, "wb");
	if (!f)
		return -1;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assay_warc_counts n;
	unsigned calls = 0;
	unsigned char sum = 0;

	if (write_input(data, size) != 0)
		return 0;
	(void)assay_warc_read(path, 1u << 20, on_record, &sum, NULL);
	(void)assay_warc_pages(path, on_page, &calls, &n);
	if (n.pages + n.failed != calls)
		abort();
	return 0;
}
