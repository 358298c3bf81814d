/* dates.c - dates as news writes them, resolved to ISO 8601.
 *
 * Absolute: "16/10/2024" (day first unless the month would exceed 12),
 * "2024-10-16", "October 16, 2024", "16 October 2024", "October 2024",
 * "Oct. 16", "early July", "in March", "FY2023", "fiscal 2023".
 * Relative, resolved against the publication date: "two years ago",
 * "last month", "next year", "this year", "yesterday". Without a
 * publication date a relative or yearless date keeps an empty value.
 * Bare years ("in 2023") and fiscal years ("2012-13") are found by the
 * number scanner, which knows when a four-digit number is a figure.
 *
 * The pattern is anchored and tried only at word starts that can begin a
 * date: a digit, or a word of the trigger list below (months, "in",
 * "last", "two"...), so most words cost a short lookup. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "date.h"
#include "recog.h"
#include "vocab.h"

/* The English month names of common/data/months.tsv, capitalised, full
 * names first ("(?:January|...|Jan|...)"): dates_init() puts them where
 * the pattern has this byte. */
#define MONTHS "\001"
#define YEAR "(?:19|20)\\d\\d"
#define UNITW "one|two|three|four|five|six|seven|eight|nine"
/* A count of months: "first two months of", "six months to" */
#define MONTHN "(?:1[0-2]|[2-9]|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
#define NUMW "(?:\\d{1,3}|a\\h+few|a\\h+couple\\h+of|a|an|several|(?:twenty|thirty|forty|fifty|" \
	"sixty|seventy|eighty|ninety)(?:-(?:" UNITW "))?|" UNITW "|ten|eleven|twelve|thirteen|" \
	"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"

/* Words that can start a date, lower case; and the English month names
 * (full and short) of common/data/months.tsv, added by dates_init(). */
static const char *const triggers[] = {
	"a", "after", "an", "and", "before", "beginning", "between", "by", "coming",
	"during", "early", "eight", "eleven", "end", "fifteen", "fiscal", "five", "four",
	"from", "fy", "in", "last", "late", "mid", "next", "nine", "one", "or", "past",
	"previous", "seven", "several", "since", "six", "start", "ten", "the", "thirty",
	"this", "three", "through", "to", "twelve", "twenty", "two", "until", "yesterday",
	"q", "h", "first", "second", "third", "fourth", "thirteen", "fourteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", NULL,
};
static const char *const month_forms[] = {"full", "short"};

static struct word_set trigger_set;

/* Whether the digits at @pos can begin a date: every alternative of the
 * pattern that starts with a digit wants one to four digits and then a
 * '/', '.', '-', a space or an ordinal suffix ("16/10", "2024-10", "16
 * Oct", "3rd"). The pattern costs about 250 ns a try; a figure such as
 * "7,777,777" would otherwise pay it at each group of three. */
static bool digits_can_start(const char *text, size_t len, size_t pos)
{
	size_t k = 0;
	unsigned char c;

	while (pos + k < len && isdigit((unsigned char)text[pos + k]))
		if (++k > 4)
			return false;
	if (pos + k == len)
		return false;
	c = (unsigned char)text[pos + k];
	return c == '/' || c == '.' || c == '-' || c == ' ' || c == '\t' || c >= 0x80 ||
	       (k <= 2 && isalpha(c));
}

/* The most common triggers start a date only before a month ("in March",
 * written with its capital), "the" only before "end", "beginning" or
 * "start", "a"/"an" only before "few", "couple" or a unit of time ("a
 * year ago"): checked here, the pattern costs ~3,000 instructions a try. */
static const char *const before_month[] = {"in", "since", "until", "by", "from", "during",
	"through", "before", "after", "between", "and", "or", "to", NULL};
static const char *const the[] = {"the", NULL}, *const the_next[] = {"end", "beginning",
	"start", NULL};
static const char *const article[] = {"a", "an", NULL}, *const article_next[] = {"few",
	"couple", "year", "years", "month", "months", "week", "weeks", "day", "days",
	"decade", "decades", NULL};
static struct word_set before_month_set, the_set, the_next_set, article_set, article_next_set;
/* The capitals English month names start with ("JFMASOND"). */
static char month_initials[27];

/* Whether the word at @pos is one of @ws. */
static bool word_in(const char *text, size_t len, size_t pos, const struct word_set *ws)
{
	size_t n;

	return word_set_has(ws, text, len, pos, &n);
}

static bool trigger_can_start(const char *text, size_t len, size_t pos, size_t n)
{
	size_t q = pos + n;

	while (q < len && (text[q] == ' ' || text[q] == '\t' || text[q] == '\n'))
		q++;
	if (q >= len)
		return false;
	if (word_in(text, len, pos, &before_month_set))
		return strchr(month_initials, text[q]) != NULL; /* '\0' too, as before */
	if (word_in(text, len, pos, &the_set))
		return word_in(text, len, q, &the_next_set);
	if (word_in(text, len, pos, &article_set))
		return word_in(text, len, q, &article_next_set);
	return true;
}

/* Whether a date can start at the word start @pos. */
static bool can_start(const char *text, size_t len, size_t pos)
{
	size_t n;

	if (pos > 0 && (text[pos - 1] == '/' || text[pos - 1] == '.' || text[pos - 1] == '-' ||
			text[pos - 1] == '\0')) /* as strchr("/.-", c) was */
		return false;
	if (isdigit((unsigned char)text[pos]))
		return digits_can_start(text, len, pos);
	return word_set_has(&trigger_set, text, len, pos, &n) && trigger_can_start(text, len, pos, n);
}

/* Named alternatives; decode() looks at which one matched. */
static const char date_pattern[] =
	"(?:"
	"(?<dmy>(?<d1>\\d{1,2})[/.](?<m1>\\d{1,2})[/.](?<y1>" YEAR "))(?![\\w/.]\\d)"
	"|(?<iso>(?<y2>" YEAR ")-(?<m2>[01]\\d)-(?<d2>[0-3]\\d))(?!\\d)"
	"|(?<mdy>(?<mn3>" MONTHS ")\\.?\\h+(?<d3>[0-3]?\\d)(?:st|nd|rd|th)?,?\\h+(?<y3>" YEAR "))(?!\\d)"
	"|(?<dmy2>(?<d4>[0-3]?\\d)(?:st|nd|rd|th)?\\h+(?:of\\h+)?(?<mn4>" MONTHS ")\\.?,?\\h+(?<y4>" YEAR "))(?!\\d)"
	"|(?<my>(?<mn5>" MONTHS ")\\.?,?\\h+(?<y5>" YEAR "))(?!\\d)"
	"|(?<md>(?<mn6>" MONTHS ")\\.?\\h+(?<d6>[0-3]?\\d)(?:st|nd|rd|th)?)(?![\\d:])(?!\\h*(?:%|percent|per\\h+cent|million|billion|tonnes|tons))"
	"|(?<dm>(?<d7>[0-3]?\\d)(?:st|nd|rd|th)?\\h+(?:of\\h+)?(?<mn7>" MONTHS "))(?!\\w)"
	"|(?<pm>(?<part>(?i:early|mid|late|the\\s+end\\s+of|end\\s+of|the\\s+beginning\\s+of|"
	"beginning\\s+of|the\\s+start\\s+of|start\\s+of))[\\s-]+(?<mn8>" MONTHS "))(?!\\w)"
	"|(?<inm>(?i:in|since|until|by|from|during|through|last|next|this|before|after|"
	"between|and|or|to)\\h+(?<mn9>" MONTHS ")(?:\\.?\\h+(?<d9>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d))?"
	"(?:,?\\h+(?<y9>" YEAR "))?)(?![\\w])"
	"|(?<sm>(?:(?<=\\A)|(?<=\\n)|(?<=[.!?]\\h)|(?<=\\h\\h))(?!May)(?<mn10>" MONTHS "))"
	"(?=\\h+[A-Za-z])(?!\\h+(?:\\d|[A-Z][a-z]+\\h+\\d))"
	"|(?<rel>(?<rw>(?i:last|next|this|previous|past|coming))\\h+(?<ru>(?i:year|month|week)))(?!\\w)"
	"|(?<ago>(?<an>(?i:" NUMW "))\\h+(?<au>(?i:years?|months?|weeks?|days?|decades?))\\h+(?i:ago|earlier))(?!\\w)"
	"|(?<yday>(?i:yesterday))(?!\\w)"
	"|(?<fy>(?:FY\\h?|(?i:fiscal\\h+(?:year\\h+)?))(?<fyy>(?:19|20)?\\d\\d))(?!\\w)"
	"|(?<qt>(?:Q(?<qn>[1-4])|(?<qw>(?i:first|second|third|fourth))[\\h-]+(?i:quarter)"
	"|(?<qd>[1-4])Q(?<qyy>\\d\\d)(?!\\d))"
	"(?:(?:\\h+of)?,?\\h+(?<qy>" YEAR "))?)(?!\\w)(?!\\h+(?:of|in)\\h)"
	"|(?<hf>(?:H(?<hn>[12])|(?<hw>(?i:first|second))\\h+(?i:half)(?:\\h+of)?),?\\h+(?<hy>" YEAR "))(?!\\w)"
	"|(?<fm>(?i:first)\\h+(?<fmn>" MONTHN ")\\h+(?i:months)\\h+(?i:of)\\h+(?<fmy>" YEAR "))(?!\\w)"
	"|(?<nm>(?<nmn>" MONTHN ")\\h+(?i:months)\\h+(?:(?<nmb>(?i:following|from|after|starting|"
	"beginning|since))|(?i:to|ended|ending|through|until))\\h+(?<nmm>" MONTHS ")\\.?"
	"(?:\\h+[0-3]?\\d(?:st|nd|rd|th)?(?!\\d))?(?:,?\\h+(?<nmy>" YEAR "))?)(?![\\w,]\\h*\\d)"
	")";

static pcre2_code *date_re;

/* The English month names, full ones first, each before a shorter name
 * that begins it ("Sept" before "Sep": the pattern takes the first
 * alternative that fits, and a word may follow "Sep" in some); @out
 * holds @cap names. Returns their number. */
static size_t month_names(const char **out, size_t cap)
{
	size_t n = 0;

	for (size_t f = 0; f < 2; f++)
		for (size_t i = 0; n < cap && assay_month_name("en", month_forms[f], i); i++) {
			const char *name = assay_month_name("en", month_forms[f], i);
			size_t at = n;
			for (size_t k = 0; k < n && at == n; k++)
				if (!strncmp(out[k], name, strlen(out[k])))
					at = k;
			memmove(out + at + 1, out + at, (n - at) * sizeof *out);
			out[at] = name;
			n++;
		}
	return n;
}

/* "(?:January|...|Dec)" in @out (@cap bytes); the initials of the names
 * in month_initials. */
static void months_alternation(char *out, size_t cap)
{
	const char *names[64];
	size_t nn = month_names(names, sizeof names / sizeof names[0]), n = 0, k = 0;

	n += (size_t)snprintf(out, cap, "(?:");
	for (size_t i = 0; i < nn && n < cap; i++) {
		char c = (char)toupper((unsigned char)names[i][0]);
		n += (size_t)snprintf(out + n, cap - n, "%s%c%s", i ? "|" : "", c, names[i] + 1);
		if (!memchr(month_initials, c, k) && k + 1 < sizeof month_initials)
			month_initials[k++] = c;
	}
	if (n < cap)
		snprintf(out + n, cap - n, ")");
	month_initials[k] = '\0';
}

/* The date pattern with the month names put in; NULL when out of memory. */
static char *build_pattern(void)
{
	char months[512];
	size_t nm = 0;

	months_alternation(months, sizeof months);
	for (const char *p = date_pattern; *p; p++)
		nm += *p == MONTHS[0];
	char *out = malloc(sizeof date_pattern + nm * strlen(months)), *q = out;
	if (!out)
		return NULL;
	for (const char *p = date_pattern; *p; p++)
		if (*p == MONTHS[0]) {
			memcpy(q, months, strlen(months));
			q += strlen(months);
		} else {
			*q++ = *p;
		}
	*q = '\0';
	return out;
}

/* The triggers and the English month names in @out (NULL-terminated). */
static void trigger_words(const char **out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; triggers[i] && n + 1 < cap; i++)
		out[n++] = triggers[i];
	for (size_t f = 0; f < 2; f++)
		for (size_t i = 0; assay_month_name("en", month_forms[f], i) && n + 1 < cap; i++)
			out[n++] = assay_month_name("en", month_forms[f], i);
	out[n] = NULL;
}

int dates_init(void)
{
	static const char *words[128];
	static const struct {
		struct word_set *set;
		const char *const *words;
	} sets[] = {
		{&trigger_set, words}, {&before_month_set, before_month}, {&the_set, the},
		{&the_next_set, the_next}, {&article_set, article}, {&article_next_set, article_next},
	};

	trigger_words(words, sizeof words / sizeof words[0]);
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		int rc = recog_word_set_init(sets[i].set, sets[i].words);
		if (rc)
			return rc;
	}
	char *pat = build_pattern();
	if (!pat)
		return ASSAY_ENOMEM;
	date_re = recog_rx_compile(pat, PCRE2_ANCHORED);
	free(pat);
	return date_re ? ASSAY_OK : ASSAY_EINVAL;
}

void dates_free(void)
{
	pcre2_code_free(date_re);
	date_re = NULL;
	recog_word_set_release(&trigger_set);
	recog_word_set_release(&before_month_set);
	recog_word_set_release(&the_set);
	recog_word_set_release(&the_next_set);
	recog_word_set_release(&article_set);
	recog_word_set_release(&article_next_set);
}

struct pubdate {
	bool ok;
	long y;
	int m, d;
};

static struct pubdate parse_published(const char *p)
{
	struct pubdate pd = {0};

	if (p && sscanf(p, "%4ld-%2d-%2d", &pd.y, &pd.m, &pd.d) == 3 && pd.m >= 1 && pd.m <= 12 &&
	    pd.d >= 1 && pd.d <= 31)
		pd.ok = true;
	return pd;
}

/* ---- reading the groups of a match ---- */
static bool group(const char *text, pcre2_match_data *md, const char *name, size_t *s,
		  size_t *e)
{
	const pcre2_code *re = date_re;
	int n = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	(void)text;
	if (n < 0 || (uint32_t)n >= pcre2_get_ovector_count(md) || ov[2 * n] == PCRE2_UNSET)
		return false;
	*s = ov[2 * n];
	*e = ov[2 * n + 1];
	return true;
}

static long group_num(const char *text, pcre2_match_data *md, const char *name)
{
	size_t s, e;
	long v = 0;

	if (!group(text, md, name, &s, &e))
		return -1;
	for (size_t i = s; i < e && isdigit((unsigned char)text[i]); i++)
		v = v * 10 + (text[i] - '0');
	return v;
}

static int group_month(const char *text, pcre2_match_data *md, const char *name)
{
	size_t s, e;

	if (!group(text, md, name, &s, &e) || e - s < 3)
		return -1;
	int m = assay_month_of(text + s, e - s); /* MONTHS: names of months.tsv */
	return m ? m : -1;
}

/* The number of years, months... in "two years ago": digits or words
 * ("a", "two", "twenty-one"); -1 for "several" or "a few". */
static long group_count(const char *text, pcre2_match_data *md, const char *name)
{
	size_t s, e, end = 0;
	double v;

	if (!group(text, md, name, &s, &e))
		return -1;
	if (isdigit((unsigned char)text[s])) {
		long n = 0;
		for (size_t i = s; i < e && isdigit((unsigned char)text[i]) && n < 100000; i++)
			n = n * 10 + (text[i] - '0');
		return n;
	}
	v = recog_number_words(text, e, s, &end);
	return v >= 0 && end == e ? (long)v : -1;
}

static bool valid_ymd(long y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Relative dates: "last year", "two months ago"... */
static void resolve_relative(const char *text, pcre2_match_data *md, struct pubdate pd,
			     char *out, size_t cap)
{
	size_t s, e;
	long y = pd.y, n;
	int m = pd.m, d = pd.d;
	char unit;

	if (!pd.ok)
		return;
	if (group(text, md, "yday", &s, &e)) {
		assay_civil_from_days(assay_days_from_civil(y, m, d) - 1, &y, &m, &d);
		snprintf(out, cap, "%04ld-%02d-%02d", y, m, d);
		return;
	}
	if (group(text, md, "rel", &s, &e)) {
		size_t ws, we, us, ue;
		if (!group(text, md, "rw", &ws, &we) || !group(text, md, "ru", &us, &ue))
			return;
		n = tolower((unsigned char)text[ws]) == 'n' ||
		    (tolower((unsigned char)text[ws]) == 'c') ? -1 :
		    tolower((unsigned char)text[ws]) == 't' ? 0 : 1;
		unit = (char)tolower((unsigned char)text[us]);
	} else {
		size_t us, ue;
		n = group_count(text, md, "an");
		if (n < 0 || !group(text, md, "au", &us, &ue))
			return;
		unit = (char)tolower((unsigned char)text[us]);
		if (unit == 'd' && tolower((unsigned char)text[us + 1]) == 'e') {
			n *= 10;
			unit = 'y';
		}
	}
	if (unit == 'y') {
		snprintf(out, cap, "%04ld", y - n);
	} else if (unit == 'm') {
		long mm = y * 12 + (m - 1) - n;
		snprintf(out, cap, "%04ld-%02ld", mm / 12, mm % 12 + 1);
	} else {
		assay_civil_from_days(assay_days_from_civil(y, m, d) - n * (unit == 'w' ? 7 : 1), &y, &m, &d);
		snprintf(out, cap, "%04ld-%02d-%02d", y, m, d);
	}
}

/* The ordinal of "first" ... "fourth" in a group, or of its digit. */
static int group_ordinal(const char *text, pcre2_match_data *md, const char *digit,
			 const char *word)
{
	static const char *const ords[] = {"first", "second", "third", "fourth"};
	size_t s, e;

	if (group(text, md, digit, &s, &e))
		return text[s] - '0';
	if (!group(text, md, word, &s, &e))
		return 0;
	for (int i = 0; i < 4; i++)
		if (strlen(ords[i]) == e - s && strncasecmp(text + s, ords[i], e - s) == 0)
			return i + 1;
	return 0;
}

/* "Q3 2024" -> "2024-07/2024-09", "first half of 2024" -> "2024-01/2024-06"
 * (ISO 8601 intervals of months). */
static void period_interval(const char *text, pcre2_match_data *md, struct pubdate pd, char *out,
			    size_t cap)
{
	size_t s, e;
	bool quarter = group(text, md, "qt", &s, &e);
	int k = quarter ? group_ordinal(text, md, "qn", "qw") : group_ordinal(text, md, "hn", "hw");
	long y = group_num(text, md, quarter ? "qy" : "hy");
	long yy = group_num(text, md, "qyy");

	if (quarter && !k) /* "2Q25": the second quarter of 2025 */
		k = group_ordinal(text, md, "qd", "qw");
	if (quarter && y < 0 && yy >= 0)
		y = yy < 50 ? 2000 + yy : 1900 + yy;
	int months = quarter ? 3 : 6;

	/* "in the fourth quarter" of a February story: the last fourth
	 * quarter that has begun by the story's date */
	if (y < 0 && quarter && pd.ok && k >= 1 && k <= 4)
		y = (k - 1) * 3 + 1 <= pd.m ? pd.y : pd.y - 1;
	if (k < 1 || k > 4 || y < 1000 || y > 9999)
		return;
	snprintf(out, cap, "%04d-%02d/%04d-%02d", (int)y, (k - 1) * months + 1, (int)y,
		 k * months);
}

/* "first two months of 1986" -> "1986-01/1986-02"; "six months following
 * July 1, 1986" -> "1986-07/1986-12", "six months to December" (in a
 * 1987 story) -> "1986-07/1986-12": ISO intervals of months. */
static void month_span(const char *text, pcre2_match_data *md, struct pubdate pd, char *out,
		       size_t cap)
{
	size_t s, e;
	bool first = group(text, md, "fm", &s, &e);
	long n = group_count(text, md, first ? "fmn" : "nmn");
	long y = group_num(text, md, first ? "fmy" : "nmy");
	int m = first ? 1 : group_month(text, md, "nmm");
	bool onward = first || group(text, md, "nmb", &s, &e);

	if (y < 0 && pd.ok) /* an ended span is the last one before the story */
		y = onward || m <= pd.m ? pd.y : pd.y - 1;
	if (n < 2 || n > 12 || m < 1 || y < 1000 || y > 9999)
		return;
	long a = y * 12 + (m - 1), b = a;
	if (onward)
		b = a + n - 1;
	else
		a = b - (n - 1);
	snprintf(out, cap, "%04ld-%02ld/%04ld-%02ld", a / 12, a % 12 + 1, b / 12, b % 12 + 1);
}

/* The ISO value of the match, "" when it cannot be placed. */
static void decode(const char *text, pcre2_match_data *md, struct pubdate pd, char *out,
		   size_t cap)
{
	long y = -1, d = -1;
	int m = -1;
	size_t s, e;
	static const char *const ymd[][4] = {
		{"dmy", "y1", "m1", "d1"}, {"iso", "y2", "m2", "d2"}, {"mdy", "y3", "mn3", "d3"},
		{"dmy2", "y4", "mn4", "d4"}, {"my", "y5", "mn5", NULL}, {"md", NULL, "mn6", "d6"},
		{"dm", NULL, "mn7", "d7"}, {"pm", NULL, "mn8", NULL}, {"inm", "y9", "mn9", "d9"},
		{"sm", NULL, "mn10", NULL},
	};

	out[0] = '\0';
	for (size_t i = 0; i < sizeof ymd / sizeof ymd[0]; i++) {
		if (!group(text, md, ymd[i][0], &s, &e))
			continue;
		y = ymd[i][1] ? group_num(text, md, ymd[i][1]) : -1;
		bool yearless = y < 0;
		if (y < 0)
			y = pd.ok ? pd.y : -1;
		m = ymd[i][2][0] == 'm' && ymd[i][2][1] == 'n' ? group_month(text, md, ymd[i][2])
							       : (int)group_num(text, md, ymd[i][2]);
		/* "imports in December" in a March story: last December; a month
		 * or two ahead is this year's ("will start in May") */
		if (yearless && y > 0 && m > pd.m + 2)
			y--;
		d = ymd[i][3] ? group_num(text, md, ymd[i][3]) : 0;
		if (d < 0)
			d = 0;
		if (i == 0 && m > 12 && d <= 12) { /* 10/16/2024: month first */
			long t = m;
			m = (int)d;
			d = t;
		}
		if (y < 0)
			return;
		if (d > 0 && valid_ymd(y, m, (int)d))
			snprintf(out, cap, "%04ld-%02d-%02ld", y, m, d);
		else if (d <= 0 && m >= 1 && m <= 12)
			snprintf(out, cap, "%04ld-%02d", y, m);
		return;
	}
	if (group(text, md, "fy", &s, &e)) {
		y = group_num(text, md, "fyy");
		snprintf(out, cap, "%04ld", y < 100 ? 2000 + y : y);
		return;
	}
	if (group(text, md, "qt", &s, &e) || group(text, md, "hf", &s, &e)) {
		period_interval(text, md, pd, out, cap);
		return;
	}
	if (group(text, md, "fm", &s, &e) || group(text, md, "nm", &s, &e)) {
		month_span(text, md, pd, out, cap);
		return;
	}
	resolve_relative(text, md, pd, out, cap);
}

/* The span a date mention covers: the month alone for "in March". */
static void date_span(const char *text, pcre2_match_data *md, size_t *s, size_t *e)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	size_t gs, ge;

	*s = ov[0];
	*e = ov[1];
	if (group(text, md, "inm", &gs, &ge) && group(text, md, "mn9", &gs, &ge))
		*s = gs;
}

int dates_find(const char *text, size_t len, const char *published, pcre2_match_data *md,
	       struct mvec *out)
{
	struct pubdate pd = parse_published(published);
	size_t off = next_word_start(text, len, 0);

	while (off < len) {
		struct assay_mention m;
		size_t s, e;
		int rc = can_start(text, len, off) ? recog_rx_next(date_re, text, len, off, md)
						  : ASSAY_ENOTFOUND;

		if (rc == ASSAY_ENOMEM)
			return rc;
		if (rc != ASSAY_OK) {
			off = next_word_start(text, len, off + 1);
			continue;
		}
		date_span(text, md, &s, &e);
		off = next_word_start(text, len, e > off ? e : off + 1);
		memset(&m, 0, sizeof m);
		m.type = ASSAY_M_DATE;
		m.start = s;
		m.end = e;
		decode(text, md, pd, m.id, sizeof m.id);
		if (recog_mvec_push(out, &m) != ASSAY_OK)
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}
