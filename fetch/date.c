/* date.c - the dates feeds and sitemaps write: RFC 822 (RSS pubDate,
 * "Tue, 10 Jun 2003 04:00:00 GMT") and ISO 8601 / RFC 3339 (Atom, dc:date,
 * JSON Feed, sitemaps, "2003-06-10T04:00:00+02:00" or "2003-06-10").
 *
 * The calendar date handed on is the one written, not its UTC equivalent:
 * an article published at 23:30 local time belongs to that day. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed.h"

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
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

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t to_epoch(int y, int mo, int d, int h, int mi, int s, int off_min, char ymd[11])
{
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 ||
	    s > 61)
		return 0;
	snprintf(ymd, 11, "%04d-%02d-%02d", y, mo, d);
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - off_min * 60;
}

static int parse_offset(const char *p)
{
	int sign, hh = 0, mm = 0;

	while (*p == ' ')
		p++;
	if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		if (isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
			hh = (p[1] - '0') * 10 + (p[2] - '0');
			p += 3;
			if (*p == ':')
				p++;
			if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]))
				mm = (p[0] - '0') * 10 + (p[1] - '0');
		}
		return sign * (hh * 60 + mm);
	}
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		size_t n = strlen(zones[i].name);
		if (strncasecmp(p, zones[i].name, n) == 0 && !isalpha((unsigned char)p[n]))
			return zones[i].minutes;
	}
	return 0;
}

static int64_t parse_iso(const char *s, char ymd[11])
{
	int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, n = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return 0;
	s += n;
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
	return to_epoch(y, mo, d, h, mi, sec, parse_offset(s), ymd);
}

static int64_t parse_rfc822(const char *s, char ymd[11])
{
	char mon[4] = "";
	int d = 0, y = 0, h = 0, mi = 0, sec = 0, n = 0, mo = 0;
	const char *comma = strchr(s, ',');

	if (comma)
		s = comma + 1;
	if (sscanf(s, " %2d %3s %4d %2d:%2d%n", &d, mon, &y, &h, &mi, &n) < 3)
		return 0;
	if (n) {
		s += n;
		if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &n) == 1)
			s += 1 + n;
	} else {
		s = "";
	}
	for (int i = 0; i < 12; i++)
		if (strncasecmp(mon, months[i], 3) == 0)
			mo = i + 1;
	if (y < 100)
		y += y < 70 ? 2000 : 1900;
	return to_epoch(y, mo, d, h, mi, sec, parse_offset(s), ymd);
}

int64_t assay_parse_date(const char *s, char ymd[11])
{
	int64_t t;

	ymd[0] = 0;
	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	/* s[1] and s[2] tested first: s[3] may lie past a short string's end. */
	t = isdigit((unsigned char)s[0]) && s[1] && s[2] && isdigit((unsigned char)s[3])
		    ? parse_iso(s, ymd)
		    : parse_rfc822(s, ymd);
	if (!t)
		ymd[0] = 0;
	return t;
}
