/* fuzz_clean.c - libFuzzer target for the cleaner.
 *
 * The first byte picks the options (a header charset, a base URL), the rest
 * is the page. Besides not crashing, every result must keep clean.h's
 * promises: valid UTF-8 text, blocks inside it, table rows that exist.
 * Build: CC=clang meson setup build-fuzz -Dfuzz=true -Db_lundef=false;
 * seeds are in tests/fuzz/corpus/clean/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "clean.h"

static const char *const charsets[] = {NULL, "utf-8", "windows-1252", "shift_jis", "x-bogus"};

static int utf8_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] < 0xE0 && n >= 2 && (s[1] & 0xC0) == 0x80)
		return 2;
	if (s[0] >= 0xE0 && s[0] < 0xF0 && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
		return 3;
	if (s[0] >= 0xF0 && s[0] < 0xF5 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
		return 4;
	return 0;
}

static void check(const struct assay_doc *d)
{
	const unsigned char *t = (const unsigned char *)d->text;

	if (!d->text || strlen(d->text) != d->text_len)
		abort();
	for (size_t i = 0; i < d->text_len;) {
		int k = utf8_len(t + i, d->text_len - i);

		if (!k)
			abort();
		i += (size_t)k;
	}
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct assay_block *b = &d->blocks[i];

		if (b->start >= b->end || b->end > d->text_len)
			abort();
		if (b->kind == ASSAY_BLOCK_TABLE_ROW &&
		    (b->table < 0 || (size_t)b->table >= d->ntables || b->row < 0 ||
		     (size_t)b->row >= d->tables[b->table].nrows))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assay_clean_opts o = {0};
	struct assay_doc d;
	static int init;

	if (!init) {
		assay_parse_init();
		init = 1;
	}
	if (size > 0) {
		o.charset = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
		o.base_url = data[0] & 0x80 ? "https://example.org/2024/10/16/x" : NULL;
		data++;
		size--;
	}
	if (assay_clean((const char *)data, size, &o, &d) == ASSAY_OK) {
		check(&d);
		assay_doc_release(&d);
	}
	return 0;
}
