/* test_store_neardup.c - one story republished is one story: precision and
 * recall of the store's story pairing on two sets of files.
 *
 * tests/data/store/neardup: five distinct stories on one topic (Turkey,
 * China and rare earths), each with five republished variants (headline
 * changed, a paragraph dropped, a byline and dateline added, both with
 * the last paragraph dropped, light rewording), and three more distinct
 * stories on the same topic.
 *
 * tests/data/store/reedit: excerpts of four real stories (a 1987 wire
 * story, a BBC story, a press release, a 2025 wire story; from the dev
 * pools), each re-edited four ways as copy desks do (a few words changed;
 * the last paragraph trimmed and the headline rewritten; a paragraph
 * added; all three), and six real stories that look alike but are not
 * one story: two earnings summaries of one template, two listing notices
 * of one template, two gold market reports two hours apart.
 *
 * A file's group is its name up to '_' ('x' files are each a group of
 * their own). Every pair of files is scored: same group and same story id
 * is a true positive. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "file.h"
#include "store.h"
#include "store_util.h"

#define MAXF 64

struct doc {
	char name[64];
	char story[24];
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct doc *)a)->name, ((const struct doc *)b)->name);
}

static size_t list_docs(const char *folder, struct doc *docs)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	size_t n = 0;

	cr_assert_not_null(d, "no %s", folder);
	while ((e = readdir(d)) && n < MAXF)
		if (strstr(e->d_name, ".txt"))
			snprintf(docs[n++].name, sizeof docs[0].name, "%.63s", e->d_name);
	closedir(d);
	qsort(docs, n, sizeof *docs, cmp_name);
	return n;
}

static bool same_group(const char *a, const char *b)
{
	size_t la = strcspn(a, "_"), lb = strcspn(b, "_");

	return la == lb && !strncmp(a, b, la) && a[0] != 'x';
}

struct score {
	size_t tp, fp, fn;
	double precision, recall;
};

/* Stores every file of tests/data/store/@set, each from a site of its own
 * (@packed: packed first, as ingest's workers do; @reopen: the store
 * closed and opened again before every third file, so that its
 * near-duplicate index is filled from the table, without the stories'
 * shingles in hand, and stories compared once are compared again), and
 * scores the stories the store gave them. */
static void score_set_opened(const char *set, bool packed, bool reopen, struct score *sc)
{
	struct assay_packer *pk = NULL;
	struct doc docs[MAXF];
	char folder[4096], path[8192], url[128];
	char *dir = tmp_store_dir();
	struct assay_store *s;
	size_t n;

	memset(sc, 0, sizeof *sc);
	snprintf(folder, sizeof folder, "%s", store_data(set));
	n = list_docs(folder, docs);
	cr_assert_geq(n, 20);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	cr_assert_eq(assay_packer_new(&pk), ASSAY_OK);
	for (size_t i = 0; i < n; i++) {
		struct assay_buf text = {0};
		struct assay_article a = {0};
		struct assay_packed pa;
		struct assay_put_result r;

		if (reopen && i % 3 == 2) {
			assay_store_close(s);
			cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_OK);
		}
		snprintf(path, sizeof path, "%s/%.63s", folder, docs[i].name);
		cr_assert_eq(assay_read_file(path, ASSAY_FILE_MAX_DEFAULT, &text), ASSAY_OK);
		snprintf(url, sizeof url, "https://site%zu.example/%.63s", i, docs[i].name);
		a.url = url;
		a.text = text.data;
		a.text_len = text.len;
		if (packed) {
			cr_assert_eq(assay_store_pack(pk, &a, ASSAY_PACK_URL, &pa), ASSAY_OK);
			cr_assert(!pa.has_hash || pa.shingles, "packed with its shingles");
			a.packed = &pa;
		}
		cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
		if (packed)
			assay_packed_release(&pa);
		memcpy(docs[i].story, r.story, sizeof docs[i].story);
		assay_buf_release(&text);
	}
	assay_packer_free(pk);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			bool truth = same_group(docs[i].name, docs[j].name);
			bool said = !strcmp(docs[i].story, docs[j].story);

			sc->tp += truth && said;
			sc->fp += !truth && said;
			sc->fn += truth && !said;
			if (truth != said)
				fprintf(stderr, "%s: %s and %s %s\n", set, docs[i].name, docs[j].name,
					said ? "merged" : "missed");
		}
	sc->precision = sc->tp + sc->fp ? (double)sc->tp / (double)(sc->tp + sc->fp) : 1;
	sc->recall = sc->tp + sc->fn ? (double)sc->tp / (double)(sc->tp + sc->fn) : 1;
	fprintf(stderr, "%s: %zu documents, pairs: %zu true, %zu false, %zu missed; "
		"precision %.3f recall %.3f\n", set, n, sc->tp, sc->fp, sc->fn, sc->precision,
		sc->recall);
	assay_store_close(s);
	rm_tree(dir);
	free(dir);
}

static void score_set(const char *set, bool packed, struct score *sc)
{
	score_set_opened(set, packed, false, sc);
}

Test(neardup, republished_wire_stories_pair_and_distinct_stories_do_not)
{
	struct score sc;

	score_set("neardup", false, &sc);
	cr_expect_eq(sc.fp, 0, "precision %.3f", sc.precision);
	cr_expect_geq(sc.recall, 0.90, "recall %.3f", sc.recall);
}

/* Issue 17 #6: copies re-edited by a copy desk are one story, however
 * they were edited; stories of one template or one market on one day are
 * not. */
Test(neardup, re_edited_copies_are_one_story_and_look_alikes_are_not)
{
	struct score sc;

	for (int packed = 0; packed < 2; packed++) {
		score_set("reedit", packed, &sc);
		cr_expect_eq(sc.fp, 0, "false merges (packed %d)", packed);
		cr_expect_eq(sc.fn, 0, "missed pairs (packed %d)", packed);
		cr_expect_eq(sc.tp, 40, "4 stories x 10 pairs of their 5 versions (packed %d)",
			     packed);
	}
}

/* The index filled again from the table (the stories' shingle sets made
 * from their stored texts when first compared, bands.c) pairs the same
 * copies as the index kept current by the handle that stored them. */
Test(neardup, a_store_opened_again_pairs_the_same_copies)
{
	struct score sc, again;

	score_set("neardup", true, &sc);
	score_set_opened("neardup", true, true, &again);
	cr_expect_eq(again.tp, sc.tp);
	cr_expect_eq(again.fp, sc.fp);
	cr_expect_eq(again.fn, sc.fn);
	score_set("reedit", false, &sc);
	score_set_opened("reedit", false, true, &again);
	cr_expect_eq(again.tp, 40);
	cr_expect_eq(again.fp, 0);
	cr_expect_eq(again.fn, 0);
}

/* Issue 17 #6: headline-only flashes have no body: their cleaned texts
 * are all empty, the same bytes, and are no evidence of one story. Each
 * flash is a story of its own (named by its URL, so the same flash is the
 * same story in any store); a text is still one story with its copy. */
Test(neardup, flashes_with_no_body_are_not_one_story)
{
	static const char *const urls[] = {"https://wire.example/flash-canada-steel",
		"https://wire.example/flash-aluminium-output", "https://wire.example/alcoa-price"};
	const char *body = "Alcoa raised its aluminium ingot price by two cents a lb.";
	char *dir = tmp_store_dir();
	struct assay_store *s;
	char story[4][24];

	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	for (size_t i = 0; i < 4; i++) {
		struct assay_article a = {0};
		struct assay_put_result r;

		a.url = i < 3 ? urls[i] : "https://mirror.example/alcoa-price";
		a.title = "FLASH";
		a.text = i < 2 ? "" : body;
		a.text_len = strlen(a.text);
		cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
		memcpy(story[i], r.story, sizeof story[i]);
		cr_expect_eq(r.duplicate, i == 3, "article %zu", i);
	}
	cr_expect_str_neq(story[0], story[1], "two flashes are two stories");
	cr_expect_str_neq(story[1], story[2]);
	cr_expect_str_eq(story[2], story[3], "a copy of a text is its story");
	assay_store_close(s);
	rm_tree(dir);
	free(dir);
}
