/* reasons.c - the preset reasons for rejecting a claim (see review.h).
 *
 * A bad file is refused as a whole, with its line, rather than half
 * read: keys that silently shift would make an editor pick the wrong
 * reason with a key press learnt by heart. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "assay.h"
#include "review.h"
#include "utf8.h"

static const char *const defaults[] = {
	"not a figure of the story", "wrong subject", "wrong period", "duplicate",
};

/* True when @s (NUL-terminated) is UTF-8 without control characters. */
static bool is_clean_text(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		size_t l = assay_utf8_len(s + i, n - i);
		unsigned char c = (unsigned char)s[i];

		if (l == 0 || (l == 1 && (c < 0x20 || c == 0x7F)) ||
		    (l == 2 && c == 0xC2 && (unsigned char)s[i + 1] < 0xA0))
			return false;
		i += l;
	}
	return true;
}

/* Trims spaces and tabs at both ends of @s, in place. */
static char *trim(char *s)
{
	size_t n;

	s += strspn(s, " \t");
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int assay_review_reasons_load(const char *dir, struct assay_review_reasons *r, char *why,
			      size_t whysize)
{
	char path[4096], line[1024], *t;
	unsigned lineno = 0;
	FILE *f;

	memset(r, 0, sizeof *r);
	snprintf(path, sizeof path, "%s/%s", dir, ASSAY_REVIEW_REASONS_FILE);
	f = fopen(path, "r");
	if (!f && errno == ENOENT) {
		for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
			snprintf(r->text[r->n++], sizeof r->text[0], "%s", defaults[i]);
		return ASSAY_OK;
	}
	if (!f) {
		snprintf(why, whysize, "cannot read '%s': %s", path, strerror(errno));
		return ASSAY_EIO;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(why, whysize, "%s:%u: a reason is at most %zu bytes", path, lineno,
				 sizeof r->text[0] - 1);
			goto fail;
		}
		line[strcspn(line, "\r\n")] = '\0';
		t = trim(line);
		if (!*t || *t == '#')
			continue;
		if (strlen(t) >= sizeof r->text[0]) {
			snprintf(why, whysize, "%s:%u: a reason is at most %zu bytes", path, lineno,
				 sizeof r->text[0] - 1);
			goto fail;
		}
		if (!is_clean_text(t)) {
			snprintf(why, whysize, "%s:%u: not UTF-8 text, or a control character",
				 path, lineno);
			goto fail;
		}
		if (r->n == ASSAY_REVIEW_MAX_REASONS) {
			snprintf(why, whysize, "%s:%u: at most %d reasons (keys 1 to %d)", path,
				 lineno, ASSAY_REVIEW_MAX_REASONS, ASSAY_REVIEW_MAX_REASONS);
			goto fail;
		}
		memcpy(r->text[r->n++], t, strlen(t) + 1);
	}
	if (ferror(f)) {
		snprintf(why, whysize, "cannot read '%s': %s", path, strerror(errno));
		fclose(f);
		memset(r, 0, sizeof *r);
		return ASSAY_EIO;
	}
	fclose(f);
	return ASSAY_OK;
fail:
	fclose(f);
	memset(r, 0, sizeof *r);
	return ASSAY_EINVAL;
}

const char *assay_review_reason_of_key(const struct assay_review_reasons *r, int key)
{
	if (key < '1' || key > '9' || (size_t)(key - '1') >= r->n)
		return NULL;
	return r->text[key - '1'];
}
