/* date.c - the dates feeds and sitemaps write: RFC 822 (RSS pubDate,
 * "Tue, 10 Jun 2003 04:00:00 GMT") and the loose forms written after it,
 * and ISO 8601 / RFC 3339 (Atom, dc:date, JSON Feed, sitemaps,
 * "2003-06-10T04:00:00+02:00", "2003-06-10", "2003-06", "2003").
 *
 * Hand-written rather than curl_getdate(): curl gives the UTC instant
 * only (the calendar day as written is lost with the zone) and knows
 * month names by their three letters only.
 *
 * The calendar date handed on is the one written, not its UTC equivalent:
 * an article published at 23:30 local time belongs to that day. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "feed.h"
#include "vocab.h"

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* US zone names RFC 822 allows, with their offsets in minutes. */
static const struct {
	const char *name;
	int minutes;
} zones[] = {
	{"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
	{"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
};

#define NO_OFFSET 100000 /* parse_offset(): not a valid offset */

/* A date that cannot be (30 February, 25:00, offset -99:99) is no date:
 * 0, and nothing is written to @ymd. */
static int64_t to_epoch(int y, int mo, int d, int h, int mi, int s, int off_min, char ymd[11])
{
	if (off_min == NO_OFFSET || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > assay_days_in_month(y, mo) || h < 0 || h > 24 || (h == 24 && (mi || s)) || mi < 0 ||
	    mi > 59 || s < 0 || s > 60)
		return 0;
	snprintf(ymd, 11, "%04d-%02d-%02d", y % 10000, mo % 100, d % 100);
	return (int64_t)assay_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - off_min * 60;
}

/* "+hh:mm", "+hhmm", "-hh", a zone name, or nothing (UTC). */
static int parse_offset(const char *p)
{
	int sign, hh = 0, mm = 0;

	while (*p == ' ')
		p++;
	if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
			return NO_OFFSET;
		hh = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == ':')
			p++;
		if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]))
			mm = (p[0] - '0') * 10 + (p[1] - '0');
		if (hh > 23 || mm > 59)
			return NO_OFFSET;
		return sign * (hh * 60 + mm);
	}
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		size_t n = strlen(zones[i].name);
		if (strncasecmp(p, zones[i].name, n) == 0 && !isalpha((unsigned char)p[n]))
			return zones[i].minutes;
	}
	return 0;
}

/* ISO 8601 / RFC 3339 and the W3C profile sitemaps use: "2003-06-10",
 * "2003-06-10T04:00:00.123+01:00", "2003-06" and "2003" (the first day
 * of the month or year, as feed readers take them). */
static int64_t parse_iso(const char *s, char ymd[11])
{
	int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, n = 0;

	if (sscanf(s, "%4d%n", &y, &n) != 1 || n != 4)
		return 0;
	s += n;
	if (*s == '-' && isdigit((unsigned char)s[1])) {
		if (sscanf(s + 1, "%2d%n", &mo, &n) != 1)
			return 0;
		s += 1 + n;
		if (*s == '-' && isdigit((unsigned char)s[1])) {
			if (sscanf(s + 1, "%2d%n", &d, &n) != 1)
				return 0;
			s += 1 + n;
		}
	}
	if (*s == 'T' || *s == 't' || *s == ' ') {
		int k = 0;
		if (sscanf(s + 1, "%2d:%2d%n", &h, &mi, &k) == 2) {
			s += 1 + k;
			if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &k) == 1)
				s += 1 + k;
			while (*s == '.' || isdigit((unsigned char)*s))
				s++;
		}
	}
	if (*s && *s != ' ' && *s != '+' && *s != '-' && !isalpha((unsigned char)*s))
		return 0;
	return to_epoch(y, mo, d, h, mi, sec, parse_offset(s), ymd);
}

/* A weekday name, in full or cut to at least three letters (months:
 * assay_month_prefix()). */
static int name_index(const char *w, size_t n, const char *const *names, int count)
{
	if (n < 3)
		return -1;
	for (int i = 0; i < count; i++)
		if (n <= strlen(names[i]) && strncasecmp(w, names[i], n) == 0)
			return i;
	return -1;
}

struct loose {
	int y, mo, d, h, mi, sec, off;
	bool have_time;
};

static bool loose_name(struct loose *t, const char *w, size_t n)
{
	int m = assay_month_prefix(w, n);

	if (m && !t->mo) {
		t->mo = m;
		return true;
	}
	if (name_index(w, n, weekdays, 7) >= 0)
		return true;
	if (n == 2 && (strcasecmp(w, "am") == 0 || strcasecmp(w, "pm") == 0)) {
		if (tolower((unsigned char)w[0]) == 'p' && t->h < 12)
			t->h += 12;
		return true;
	}
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcasecmp(w, zones[i].name) == 0) {
			t->off = zones[i].minutes;
			return true;
		}
	return false;
}

/* One word of a loose date. False when it cannot belong to a date. */
static bool loose_word(struct loose *t, const char *w, size_t n)
{
	int v;

	if (isalpha((unsigned char)w[0]))
		return loose_name(t, w, n);
	if (w[0] == '+' || w[0] == '-')
		return (t->off = parse_offset(w)) != NO_OFFSET;
	if (memchr(w, ':', n)) {
		if (t->have_time || sscanf(w, "%2d:%2d:%2d", &t->h, &t->mi, &t->sec) < 2)
			return false;
		t->have_time = true;
		return true;
	}
	if (!isdigit((unsigned char)w[0]) || n > 4)
		return false;
	v = atoi(w);
	if (n == 4 && !t->y)
		t->y = v;
	else if (!t->d && n <= 2)
		t->d = v;
	else if (!t->y && n == 2)
		t->y = v + (v < 70 ? 2000 : 1900);
	else
		return false;
	return true;
}

/* RFC 822 and the loose forms written after it: full month and day
 * names, an extra comma, asctime ("Tue Jun 10 04:00:00 2003"), "June 10,
 * 2003 4:00 PM EST". Every word must be part of the date. */
static int64_t parse_loose(const char *s, char ymd[11])
{
	struct loose t = {0};

	while (*s) {
		size_t n;

		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		n = strcspn(s, " ,\t");
		if (!n)
			break;
		char w[32];
		if (n >= sizeof w)
			return 0;
		memcpy(w, s, n);
		w[n] = 0;
		if (!loose_word(&t, w, n))
			return 0;
		s += n;
	}
	if (!t.y || !t.mo || !t.d)
		return 0;
	return to_epoch(t.y, t.mo, t.d, t.h, t.mi, t.sec, t.off, ymd);
}

int64_t assay_parse_date(const char *s, char ymd[11])
{
	int64_t t;

	ymd[0] = 0;
	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	t = isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
			    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])
		    ? parse_iso(s, ymd)
		    : parse_loose(s, ymd);
	if (!t)
		ymd[0] = 0;
	return t;
}
