/* fuzz_recognize.c - libFuzzer target for the recognizers (extract/).
 *
 * Input: any bytes, taken as a document's text. Properties that matter to
 * the claim finders and the store: mentions and sentences stay inside the
 * text, come sorted, never overlap, start on character boundaries, and
 * figures carry a qualifier, without crash or leak. The claim finders
 * built on them are not called here (they deserve a target of their own).
 * Seeds are in tests/fuzz/corpus/recognize/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "extract.h"
#include "mentions.h"

static void check_mentions(const char *text, size_t len, const struct assay_mention *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (m[i].start >= m[i].end || m[i].end > len)
			abort();
		if (i && m[i].start < m[i - 1].end)
			abort();
		if (((unsigned char)text[m[i].start] & 0xc0) == 0x80)
			abort();
		if (assay_mention_is_figure(&m[i]) && !m[i].qualifier[0])
			abort();
		if (m[i].has_max && !(m[i].value_max > m[i].value))
			abort();
	}
}

static void check_sentences(size_t len, const struct assay_span *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i].start >= s[i].end || s[i].end > len)
			abort();
		if (i && s[i].start < s[i - 1].end)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct assay_extract_opts opts = {.published = "2024-10-16"};
	struct assay_mention *m = NULL;
	struct assay_span *s = NULL;
	size_t nm = 0, ns = 0;

	if (assay_extract_init() != ASSAY_OK)
		abort();
	if (assay_find_mentions(text, size, &opts, &m, &nm) == ASSAY_OK)
		check_mentions(text, size, m, nm);
	if (assay_split_sentences(text, size, &s, &ns) == ASSAY_OK)
		check_sentences(size, s, ns);
	free(m);
	free(s);
	return 0;
}
