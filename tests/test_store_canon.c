/* test_store_canon.c - URL canonicalization, case by case from
 * tests/data/store/canon.tsv (input, tab, expected canonical form), and the
 * rule that a page's own rel=canonical names it when it is absolute. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "canon.h"
#include "store_util.h"

Test(canon, every_case_in_the_table_canonicalizes_as_written)
{
	FILE *f = fopen(store_data("canon.tsv"), "r");
	char *line = NULL;
	size_t cap = 0, n = 0;

	cr_assert_not_null(f, "canon.tsv not found");
	while (getline(&line, &cap, f) > 0) {
		char *tab = strchr(line, '\t'), *want;
		struct assay_buf out = {0}, again = {0};

		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		want = tab + 1;
		want[strcspn(want, "\r\n")] = '\0';
		cr_assert_eq(assay_canonical_url(line, &out), ASSAY_OK, "%s", line);
		cr_expect_str_eq(out.data, want, "'%s' -> '%s', want '%s'", line, out.data, want);
		cr_assert_eq(assay_canonical_url(out.data, &again), ASSAY_OK);
		cr_expect_str_eq(again.data, out.data, "not idempotent: '%s'", out.data);
		assay_buf_release(&out);
		assay_buf_release(&again);
		n++;
	}
	free(line);
	fclose(f);
	cr_assert_geq(n, 10);
}

Test(canon, rel_canonical_names_the_page_when_absolute)
{
	struct assay_buf a = {0}, b = {0};

	cr_assert_eq(assay_article_url("https://m.example.com/x?utm_source=t",
				       "https://www.example.com/x/", &a), ASSAY_OK);
	cr_assert_str_eq(a.data, "https://www.example.com/x");
	cr_assert_eq(assay_article_url("https://example.com/x", "/relative", &b), ASSAY_OK);
	cr_assert_str_eq(b.data, "https://example.com/x");
	assay_buf_release(&a);
	assay_buf_release(&b);
}

Test(canon, empty_url_is_refused)
{
	struct assay_buf a = {0};

	cr_assert_eq(assay_canonical_url("   ", &a), ASSAY_EINVAL);
	assay_buf_release(&a);
}
