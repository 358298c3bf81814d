/* date.c - finds a calendar date in text and writes it as YYYY-MM-DD.
 *
 * Reads ISO dates (2024-10-16, 2024/10/16, with any time after), month
 * names ("October 16, 2024", "16 Oct. 2024", "16th of October 2024") and
 * day-first numbers (16.10.2024, 16/10/2024; month-first only when the
 * day-first reading is impossible). Years outside 1990..2100 are not dates
 * of a news story and are ignored. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "vocab.h"

static bool valid_ymd(int y, int m, int d)
{
	return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Callers pass a valid_ymd() date; the unsigned casts and moduli keep
 * every field within its width, as the compiler can check. */
static void put(char out[11], int y, int m, int d)
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

/* Reads 1..max digits at s[*i]; returns the number or -1. */
static int digits(const char *s, size_t n, size_t *i, int min, int max)
{
	int v = 0, k = 0;

	while (*i < n && k < max && isdigit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	if (k < min || (*i < n && isdigit((unsigned char)s[*i])))
		return -1;
	return v;
}

static bool iso_at(const char *s, size_t n, size_t i, char out[11])
{
	int y, m, d;
	char sep;

	if ((y = digits(s, n, &i, 4, 4)) < 0 || i >= n)
		return false;
	sep = s[i];
	if (sep != '-' && sep != '/' && sep != '.')
		return false;
	i++;
	if ((m = digits(s, n, &i, 1, 2)) < 0 || i >= n || s[i] != sep)
		return false;
	i++;
	if ((d = digits(s, n, &i, 1, 2)) < 0 || !valid_ymd(y, m, d))
		return false;
	put(out, y, m, d);
	return true;
}

static bool numeric_at(const char *s, size_t n, size_t i, char out[11])
{
	int a, b, y;
	char sep;

	if ((a = digits(s, n, &i, 1, 2)) < 0 || i >= n)
		return false;
	sep = s[i];
	if (sep != '.' && sep != '/' && sep != '-')
		return false;
	i++;
	if ((b = digits(s, n, &i, 1, 2)) < 0 || i >= n || s[i] != sep)
		return false;
	i++;
	if ((y = digits(s, n, &i, 4, 4)) < 0)
		return false;
	if (valid_ymd(y, b, a) && a <= 31) {
		put(out, y, b, a);
		return true;
	}
	if (valid_ymd(y, a, b)) {
		put(out, y, a, b);
		return true;
	}
	return false;
}

/* A month name at s[*i] ending a word; advances past it (and a dot). */
static int month_at(const char *s, size_t n, size_t *i)
{
	size_t len = 0;
	char w[16];

	if (*i > 0 && isalpha((unsigned char)s[*i - 1]))
		return 0;
	while (*i + len < n && isalpha((unsigned char)s[*i + len]) && len < sizeof w - 1) {
		w[len] = (char)tolower((unsigned char)s[*i + len]);
		len++;
	}
	w[len] = '\0';
	if (len < 3 || (*i + len < n && isalpha((unsigned char)s[*i + len])))
		return 0;
	int m = assay_month_of(w, len);
	if (m) {
		*i += len;
		if (*i < n && s[*i] == '.')
			(*i)++;
	}
	return m;
}

static void skip_sep(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '\t' || s[*i] == '\n'))
		(*i)++;
}

static void skip_ordinal(const char *s, size_t n, size_t *i)
{
	if (*i + 1 < n && isalpha((unsigned char)s[*i]) && isalpha((unsigned char)s[*i + 1]) &&
	    (*i + 2 >= n || !isalpha((unsigned char)s[*i + 2])))
		*i += 2; /* st, nd, rd, th */
	skip_sep(s, n, i);
	if (*i + 2 < n && s[*i] == 'o' && s[*i + 1] == 'f' && s[*i + 2] == ' ')
		*i += 3;
}

/* "October 16, 2024" */
static bool month_first(const char *s, size_t n, size_t i, char out[11])
{
	int m = month_at(s, n, &i), d, y;

	if (!m)
		return false;
	skip_sep(s, n, &i);
	if ((d = digits(s, n, &i, 1, 2)) < 0)
		return false;
	skip_ordinal(s, n, &i);
	skip_sep(s, n, &i);
	if ((y = digits(s, n, &i, 4, 4)) < 0 || !valid_ymd(y, m, d))
		return false;
	put(out, y, m, d);
	return true;
}

/* "16 October 2024", "16th of Oct. 2024", "16. Oktober 2024" */
static bool day_first(const char *s, size_t n, size_t i, char out[11])
{
	int m, d, y;

	if ((d = digits(s, n, &i, 1, 2)) < 0)
		return false;
	if (i < n && s[i] == '.')
		i++;
	skip_ordinal(s, n, &i);
	if (!(m = month_at(s, n, &i)))
		return false;
	skip_sep(s, n, &i);
	if ((y = digits(s, n, &i, 4, 4)) < 0 || !valid_ymd(y, m, d))
		return false;
	put(out, y, m, d);
	return true;
}

bool parse_find_date(const char *s, size_t n, char out[11])
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (isdigit(ch) && (i == 0 || !isdigit((unsigned char)s[i - 1]))) {
			if (iso_at(s, n, i, out) || numeric_at(s, n, i, out) || day_first(s, n, i, out))
				return true;
		} else if (isalpha(ch) && (i == 0 || !isalpha((unsigned char)s[i - 1]))) {
			if (month_first(s, n, i, out))
				return true;
		}
	}
	return false;
}

bool parse_url_date(const char *url, char out[11])
{
	size_t n = strlen(url);

	for (size_t i = 0; i + 10 < n; i++) {
		if (url[i] != '/' || !isdigit((unsigned char)url[i + 1]))
			continue;
		if (iso_at(url, n, i + 1, out)) {
			size_t e = i + 11;

			/* /2024/10/16/ or /2024-10-16 followed by a separator */
			if (e >= n || !isdigit((unsigned char)url[e]))
				return true;
		}
	}
	return false;
}
