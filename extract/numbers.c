/* numbers.c - figures as news writes them: quantities, percentages, money,
 * counts, and bare numbers in tables.
 *
 * One JIT-compiled pattern finds digit cores (with separators), a scan of
 * word starts finds number words ("two million", "half a million"); the
 * code around a core then reads outwards with the word
 * tables of units.c: qualifier and currency before, scale, range, unit or
 * currency or counted noun, rate and price after. A core that is a year,
 * a time, an age, a temperature, a phone number, a list number, an
 * ordinal or part of a model name is not a figure. Each core is read once
 * and the scan resumes after what was consumed, so the scan is linear;
 * cores longer than MAX_DIGITS bytes (400,000 digits with commas) are
 * skipped whole. Looks around a core are bounded (LOOK bytes back, never
 * before the previous mention's end; three figures on for a shared unit).
 * The forms read are listed in doc/recognizers.md. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "numbers_words.h"
#include "recog.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define MAX_DIGITS 40 /* a core longer than this is not a figure */
#define LOOK 80       /* bytes looked back for a qualifier or currency */

/* Digit cores: "1,234.5", "1.234.567", "816 000", "12,34,567" (Indian
 * grouping), "2.5". A core starts after no digit, dot or comma, and after
 * no no-break space that follows a digit ("816 000" is one core). A core
 * right after a letter is a figure only after a currency code ("USD115",
 * "PS2.7m"; glued_code()): one lookbehind per code would cost the pattern
 * its start-of-match optimisation (a sixth of the recognizers' speed).
 * ASCII digits ([0-9], not \d: under UCP that is every script's digits)
 * let PCRE2 skip to the next digit instead of trying every byte; the
 * values are read with isdigit() anyway. */
static const char core_pattern[] =
	"(?<![a-z0-9_.,])(?<![0-9]\\x{00A0})(?:"
	"[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?(?![0-9])"
	"|[0-9]{1,3}(?:\\.[0-9]{3}){2,}(?![0-9.])"
	"|[0-9]{1,3}(?:[\\x{00A0}\\x{202F}\\x{2009}][0-9]{3})+(?:\\.[0-9]+)?(?![0-9])"
	"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9.,])"
	"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\\.[0-9]+)?(?![0-9])"
	"|[0-9]+(?:\\.[0-9]+)?"
	"|(?<=[ (])\\.[0-9]{1,4}(?![0-9.,])"
	")";

/* A phone number: groups of digits joined by spaces, dots or dashes. */
static const char phone_pattern[] =
	"^(?:\\+\\s?)?\\(?\\d{1,4}\\)?(?:[ .\\-]\\(?\\d{2,5}\\)?){2,5}(?!\\d)";

/* Words that can start a figure written in words. */
static const char *const start_words[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", "a", "an", "half", "quarter", NULL,
};
static struct word_set start_set;

/* The first words of the fractions table ("half", "two", "a"...): a
 * fraction is looked for only at them. */
static char frac_words[32][16];
static const char *frac_list[33];
static struct word_set frac_set;

static int frac_set_init(void)
{
	const struct phrase_table *tb = recog_phrase_table_of(T_FRACTIONS);
	int n = 0;

	for (size_t i = 0; i < tb->n && n < 32; i++) {
		char w[16];
		size_t k = 0;
		bool seen = false;

		while (k < tb->v[i].len && k < 15 && isalpha((unsigned char)tb->v[i].s[k]))
			w[k] = (char)tolower((unsigned char)tb->v[i].s[k]), k++;
		w[k] = '\0';
		for (int j = 0; j < n && !seen; j++)
			seen = strcmp(frac_words[j], w) == 0;
		if (k && !seen)
			memcpy(frac_words[n++], w, k + 1);
	}
	for (int j = 0; j < n; j++)
		frac_list[j] = frac_words[j];
	frac_list[n] = NULL;
	return recog_word_set_init(&frac_set, frac_list);
}

static pcre2_code *core_re, *phone_re;

int numbers_init(void)
{
	int rc = recog_word_set_init(&start_set, start_words);

	if (!rc)
		rc = frac_set_init();
	if (rc)
		return rc;
	core_re = recog_rx_compile(core_pattern, 0);
	phone_re = recog_rx_compile(phone_pattern, 0);
	return core_re && phone_re ? ASSAY_OK : ASSAY_EINVAL;
}

void numbers_free(void)
{
	pcre2_code_free(core_re);
	pcre2_code_free(phone_re);
	core_re = phone_re = NULL;
	recog_word_set_release(&start_set);
	recog_word_set_release(&frac_set);
}

/* ---- number words ---- */
static const char *const word_units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", NULL,
};
static const char *const word_tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL,
};

static int word_index(const char *const *list, const char *w, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
			return i;
	return -1;
}

static size_t word_len(const char *text, size_t len, size_t pos)
{
	size_t n = 0;

	while (pos + n < len && isalpha((unsigned char)text[pos + n]))
		n++;
	return n;
}

static bool word_is(const char *text, size_t len, size_t pos, const char *w)
{
	size_t n = word_len(text, len, pos);
	return n == strlen(w) && strncasecmp(text + pos, w, n) == 0;
}

/* The scales a number is spelled with; from "thousand" on (large_scales)
 * they follow a fraction or an article too ("half a million", "a
 * quarter billion"). */
static const char *const scale_words[] = {"hundred", "thousand", "million", "billion",
	"trillion", NULL};
static const char *const *const large_scales = scale_words + 1;

/* "half", "quarter(s)", "third(s)" before a scale word, maybe with "of a"
 * ("half million", "a quarter million", "three quarters of a billion"):
 * the fraction, and in *end where the words before the scale end. */
static double scale_fraction(const char *text, size_t len, size_t pos, size_t *end)
{
	static const char *const words[] = {"half", "quarter", "quarters", "third", "thirds", NULL};
	static const double parts[] = {0.5, 0.25, 0.25, 1.0 / 3, 1.0 / 3};
	size_t n = word_len(text, len, pos), e = pos + n, q;
	int i;

	for (i = 0; words[i] && !word_is(text, len, pos, words[i]); i++)
		;
	if (!words[i])
		return -1;
	q = recog_skip_spaces(text, len, e);
	if (word_is(text, len, q, "of")) {
		q = recog_skip_spaces(text, len, q + 2);
		if (!word_is(text, len, q, "a") && !word_is(text, len, q, "an"))
			return -1;
	}
	if (word_is(text, len, q, "a") || word_is(text, len, q, "an")) {
		e = q + word_len(text, len, q);
		q = recog_skip_spaces(text, len, e);
	}
	for (int k = 0; large_scales[k]; k++) {
		if (word_is(text, len, q, large_scales[k])) {
			*end = e;
			return parts[i];
		}
	}
	return -1;
}

/* Reads "two hundred and fifty thousand", "twenty-five", "a", "half a"
 * from @pos; returns the value and sets *end, or returns -1. */
double recog_number_words(const char *text, size_t len, size_t pos, size_t *end)
{
	double total = 0, cur = 0;
	bool any = false;
	size_t p = pos;

	for (;;) {
		size_t n = word_len(text, len, p), next;
		int k;

		if (!n)
			break;
		double fr = scale_fraction(text, len, p, &next);

		if (fr > 0) { /* the scale word after it is read by the caller */
			*end = next;
			return (any ? total + cur : 1) * fr;
		}
		if (!any && (word_is(text, len, p, "a") || word_is(text, len, p, "an"))) {
			cur = 1;
		} else if (!any && word_is(text, len, p, "half")) {
			size_t q = recog_skip_spaces(text, len, p + n);
			if (q < len && text[q] == '-')
				q++;
			if (!word_is(text, len, q, "a") && !word_is(text, len, q, "an"))
				break;
			cur = 0.5;
			n = q + word_len(text, len, q) - p;
		} else if ((k = word_index(word_units, text + p, n)) >= 0) {
			cur += k;
		} else if ((k = word_index(word_tens, text + p, n)) >= 2) {
			cur += k * 10;
			if (p + n + 1 < len && text[p + n] == '-') {
				size_t m = word_len(text, len, p + n + 1);
				int u = word_index(word_units, text + p + n + 1, m);
				if (u >= 1 && u <= 9) {
					cur += u;
					n += 1 + m;
				}
			}
		} else if (any && word_is(text, len, p, "hundred")) {
			cur = (cur ? cur : 1) * 100;
		} else if (any && word_is(text, len, p, "thousand")) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
		} else if (any && word_is(text, len, p, "and")) {
			next = recog_skip_spaces(text, len, p + n);
			if (word_index(word_units, text + next, word_len(text, len, next)) < 1 &&
			    word_index(word_tens, text + next, word_len(text, len, next)) < 2)
				break;
			p = next;
			continue;
		} else {
			break;
		}
		any = true;
		*end = p + n;
		next = recog_skip_spaces(text, len, p + n);
		if (next == p + n && !(next < len && text[next] == '-'))
			break;
		p = next < len && text[next] == '-' ? next + 1 : next;
	}
	return any ? total + cur : -1;
}

/* ---- digits ---- */
/* "1,234.5", "816 000"; dots are thousands when there are several
 * ("1.234.567") or when three zeros follow the only one ("15.000"). */
static double parse_digits(const char *text, size_t s, size_t e)
{
	char buf[MAX_DIGITS + 1];
	size_t j = 0, dots = 0, dot = 0;
	bool thousands;

	for (size_t i = s; i < e; i++)
		if (text[i] == '.')
			dots++, dot = i;
	thousands = dots > 1 || (dots == 1 && e - dot == 4 && memcmp(text + dot, ".000", 4) == 0);
	for (size_t i = s; i < e && j < MAX_DIGITS; i++)
		if (isdigit((unsigned char)text[i]) || (text[i] == '.' && !thousands))
			buf[j++] = text[i];
	buf[j] = '\0';
	return strtod(buf, NULL);
}

/* Reads a plain digits core at @pos (for the second end of a range). */
static size_t digits_at(const char *text, size_t len, size_t pos, double *v)
{
	size_t p = pos;

	while (p < len && (isdigit((unsigned char)text[p]) ||
			   ((text[p] == '.' || (text[p] == ',' && p > pos)) && p + 1 < len &&
			    isdigit((unsigned char)text[p + 1]))))
		p++;
	if (p == pos || p - pos > MAX_DIGITS)
		return 0;
	*v = parse_digits(text, pos, p);
	return p - pos;
}

/* The value of the digits text[s..e) (the text need not end in NUL). */
static long digits_value(const char *text, size_t s, size_t e)
{
	long v = 0;

	for (size_t i = s; i < e && isdigit((unsigned char)text[i]) && v < 100000000; i++)
		v = v * 10 + (text[i] - '0');
	return v;
}

/* ---- one figure ---- */
struct fig {
	size_t start, end;
	size_t floor;       /* where the previous mention ended: look no further back */
	double v, vmax, scale;
	bool has_max, weak, words, is_year_like;
	bool cur_after;     /* the currency was written after the number */
	const struct phrase *unit, *cur, *noun, *qual, *per, *price;
	const struct phrase *scale_ph; /* the scale word as written ("m", "bn") */
	char qualifier[8];
};

static bool is_line_start(const char *text, size_t pos)
{
	while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t'))
		pos--;
	return pos == 0 || text[pos - 1] == '\n';
}

#define ROW_LOOK 400 /* bytes looked at around a bare number for its row */

/* The current line is a table row: a '|' on the line, within ROW_LOOK
 * bytes (the scan stays linear), and a label in it (a row of numbers
 * only is a calendar or a pager). A number alone elsewhere is page
 * furniture as often as not (counters, pagination). */
static bool in_table_cell(const char *text, size_t len, size_t s, size_t e)
{
	size_t ls = s, le = e;

	while (ls > 0 && text[ls - 1] != '\n' && s - ls < ROW_LOOK)
		ls--;
	if (e < len) {
		size_t n = len - e < ROW_LOOK ? len - e : ROW_LOOK;
		const char *nl = memchr(text + e, '\n', n);
		le = nl ? (size_t)(nl - text) : e + n;
	}
	if (!memchr(text + ls, '|', le - ls))
		return false;
	for (size_t i = ls; i < le; i++)
		if (isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80)
			return true;
	return false;
}

/* Not a figure when it is a time, a version, a model name, an age, a
 * temperature, an ordinal or a list number. *skip is how far to jump. */
static bool not_figure(const char *text, size_t len, size_t cs, size_t ce, size_t *skip)
{
	size_t n, st;
	size_t floor = cs > LOOK ? cs - LOOK : 0;

	*skip = ce;
	if (cs >= 2 && text[cs - 1] == '-' && isalnum((unsigned char)text[cs - 2]))
		return true; /* F-35, COVID-19 */
	if (ce + 1 < len && text[ce] == ':' && isdigit((unsigned char)text[ce + 1])) {
		while (*skip < len && (isdigit((unsigned char)text[*skip]) || text[*skip] == ':'))
			(*skip)++;
		return true; /* 10:45 */
	}
	if (ce + 1 < len && text[ce] == '.' && isdigit((unsigned char)text[ce + 1])) {
		while (*skip < len && (isdigit((unsigned char)text[*skip]) || text[*skip] == '.'))
			(*skip)++;
		return true; /* 1.2.3 */
	}
	if (is_line_start(text, cs) && ce + 1 < len && (text[ce] == '.' || text[ce] == ')') &&
	    (text[ce + 1] == ' ' || text[ce + 1] == '\t'))
		return true; /* 1. Introduce */
	if (recog_phrase_at(T_NOTFIG_AFTER, text, len, ce, &n) ||
	    recog_phrase_at(T_NOTFIG_AFTER, text, len, recog_skip_spaces(text, len, ce), &n))
		return true;
	if (recog_phrase_before(T_NOTFIG_BEFORE, text, floor, recog_skip_spaces_back(text, floor, cs), &st))
		return true;
	return false;
}

static bool is_phone(const char *text, size_t len, size_t cs, pcre2_match_data *md, size_t *end)
{
	size_t s = cs, digits = 0, seps = 0;
	bool strong;
	PCRE2_SIZE *ov;

	if (s > 0 && (text[s - 1] == '+' || text[s - 1] == '('))
		s--;
	else if (s > 1 && text[s - 1] == ' ' && text[s - 2] == '+')
		s -= 2;
	if (!recog_rx_test(phone_re, text, s, len < s + 40 ? len : s + 40, md))
		return false;
	ov = pcre2_get_ovector_pointer(md);
	strong = text[s] == '+' || text[s] == '(';
	for (size_t i = s; i < s + ov[1]; i++) {
		if (isdigit((unsigned char)text[i]))
			digits++;
		else if (text[i] == '-' || text[i] == '.')
			strong = true, seps++;
		else
			seps++;
	}
	if (digits < 8 || (!strong && seps < 3))
		return false;
	*end = s + ov[1];
	return true;
}

/* Scale right after the number: "2bn", "2 billion", "694-million". */
static size_t read_scale(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t q = p, n;
	const struct phrase *sc;

	if (q < len && text[q] == '-')
		q++;
	else
		q = recog_skip_spaces(text, len, q);
	sc = recog_phrase_at(T_SCALES, text, len, q, &n);
	if (!sc || (q == p && !strchr(sc->col[1], 'j')))
		return p;
	if (strchr(sc->col[1], 'w') && q != p)
		return p; /* "300 m" is metres */
	f->scale *= sc->num;
	f->weak = strchr(sc->col[1], 'w') != NULL;
	f->scale_ph = sc;
	return q + n;
}

/* "5-10%", "$62 to $68", "between 20,000 and 30,000", "20%-25%". */
static size_t read_range(const char *text, size_t len, size_t p, struct fig *f, bool between,
			 int from)
{
	size_t adj = p, q, n, st;
	double v2;
	struct fig g = {.scale = 1};
	const struct phrase *u1 = recog_phrase_at(T_UNITS, text, len, recog_skip_spaces(text, len, p), &n);

	/* the unit may be written after both ends: "between 20% and 25%" */
	if (u1)
		adj = recog_skip_spaces(text, len, p) + n;
	q = recog_skip_spaces(text, len, adj);
	if (between) {
		if (!word_is(text, len, q, "and"))
			return p;
		q += 3;
	} else if (q < len && text[q] == '-' && q == adj) {
		q++;
	} else if (q + 3 <= len && (unsigned char)text[q] == 0xe2 && (unsigned char)text[q + 1] == 0x80 &&
		   ((unsigned char)text[q + 2] == 0x93 || (unsigned char)text[q + 2] == 0x94)) {
		q += 3;
	} else if (from < 2 && !(from == 1 && u1) && word_is(text, len, q, "to")) {
		q += 2;
	} else {
		return p;
	}
	q = recog_skip_spaces(text, len, q);
	if (f->cur && recog_phrase_at(T_CURRENCY_PRE, text, len, q, &n) == f->cur) {
		if (from == 1)
			return p; /* "down $0.005 to $0.14": a change and a level */
		q = recog_skip_spaces(text, len, q + n);
	}
	size_t d0 = q;
	n = digits_at(text, len, q, &v2);
	if (!n || (q + n < len && isalpha((unsigned char)text[q + n]) &&
		   !recog_phrase_at(T_SCALES, text, len, q + n, &st) &&
		   !recog_phrase_at(T_UNITS, text, len, q + n, &st)))
		return p;
	q = read_scale(text, len, q + n, &g);
	if (u1 && recog_phrase_at(T_UNITS, text, len, recog_skip_spaces(text, len, q), &st) != u1)
		return p;
	v2 *= g.scale != 1 ? g.scale : f->scale;
	if (f->scale == 1 && g.scale == 1 && f->v >= 1 && f->v < 1000 && v2 >= 1000 &&
	    fmod(v2, 1000) == 0 && f->v * 1000 < v2 && f->v * 10000 > v2 && n > 4 &&
	    text[d0 + n - 4] == ',')
		f->v *= 1000; /* "710-780,000 ounces": the thousands written once */
	if (v2 <= f->v * (g.scale != 1 && f->scale == 1 ? g.scale : f->scale))
		return p; /* "in 1985 to 204 mln": not a range, and 1985 keeps its scale */
	if (g.scale != 1 && f->scale == 1)
		f->scale = g.scale, f->weak = g.weak;
	f->vmax = v2;
	f->has_max = true;
	return q;
}

/* Up to two describing words before a counted noun: "3,000 new jobs". */
static const struct phrase *read_noun(const char *text, size_t len, size_t q, size_t *end)
{
	static const char *const stop[] = {"of", "to", "in", "and", "or", "the", "a", "an", "for",
		"from", "by", "with", "at", "on", "as", "per", "than", "that", "which", "is",
		"are", "was", "were", "years", "year", "months", "days", NULL};
	size_t n;

	for (int hop = 0; hop < 3; hop++) {
		const struct phrase *nn = recog_phrase_at(T_NOUNS, text, len, q, &n);
		size_t w;
		if (nn) {
			*end = q + n;
			return nn;
		}
		w = word_len(text, len, q);
		while (q + w + 1 < len && text[q + w] == '-' && isalpha((unsigned char)text[q + w + 1]))
			w += 1 + word_len(text, len, q + w + 1);
		if (!w || !islower((unsigned char)text[q]) || q + w >= len || text[q + w] != ' ')
			return NULL;
		for (int i = 0; stop[i]; i++)
			if (word_is(text, len, q, stop[i]))
				return NULL;
		q = recog_skip_spaces(text, len, q + w);
	}
	return NULL;
}

/* "pound" and "pounds" after a figure: the currency after a scale word
 * ("361 million pounds") unless what follows says weight ("of copper",
 * "U3O8"); the weight otherwise ("200 pounds", "2,204.62 pounds"). */
static bool pound_is_money(const char *text, size_t len, size_t after, const struct fig *f)
{
	size_t q = recog_skip_spaces(text, len, after);

	static const char *const weight_cues[] = {"uranium", "U3O8", "copper", "nickel", "zinc",
		"lead", "cobalt", "molybdenum", "tungsten", "vanadium", "graphite", "lithium", "ore",
		"concentrate", "concentrates", "metal", "produced", "production", "output", "mined",
		"shipped", "weighs", "weighed", "weight", "weighing", NULL};
	size_t floor = f->start > 2 * LOOK ? f->start - 2 * LOOK : 0;

	if (f->scale == 1 || f->weak)
		return false;
	if (word_is(text, len, q, "of") || word_is(text, len, q, "per"))
		return false;
	for (size_t b = f->start; b > floor; b--) { /* the sentence so far names a metal */
		if (text[b - 1] == '.' && b < len && (text[b] == ' ' || text[b] == '\n'))
			break;
		if (is_word_byte((unsigned char)text[b - 1]) && (b < 2 || !is_word_byte((unsigned char)text[b - 2])))
			for (int i = 0; weight_cues[i]; i++)
				if (word_is(text, len, b - 1, weight_cues[i]))
					return false;
	}
	for (size_t k = q; k < len && isalnum((unsigned char)text[k]); k++)
		if (isdigit((unsigned char)text[k]))
			return false; /* "U3O8" */
	return true;
}

/* A symbol or code written after the number ("10 $") belongs to it
 * unless a figure follows it that has no currency of its own ("10 $ 30 $"
 * has both; in "paid 10 $30" the dollar is the next figure's). */
static bool symbol_is_after(const char *text, size_t len, size_t after)
{
	size_t q = recog_skip_spaces(text, len, after), n;
	double v;

	if (q >= len || !isdigit((unsigned char)text[q]))
		return true;
	if (q == after)
		return false; /* "1 $10": glued to the next figure */
	n = digits_at(text, len, q, &v);
	return n && recog_phrase_at(T_CURRENCY_POST, text, len, recog_skip_spaces(text, len, q + n), &n);
}

/* A unit in brackets right after the number: "20 (kg)", "20 [kg]". */
static const struct phrase *bracketed_unit(const char *text, size_t len, size_t q, size_t *n)
{
	static const char open[] = "([{<", close[] = ")]}>";
	const char *o = q < len && text[q] ? strchr(open, text[q]) : NULL;
	const struct phrase *u;
	size_t k;

	if (!o)
		return NULL;
	u = recog_phrase_at(T_UNITS, text, len, q + 1, &k);
	if (!u || q + 1 + k >= len || text[q + 1 + k] != close[o - open])
		return NULL;
	*n = k + 2;
	return u;
}

/* Unit, currency or counted noun after the number (and scale, range). */
static size_t read_unit(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t q = p, n1 = 0, n2 = 0, end;
	const struct phrase *u, *c;

	if (q < len && text[q] == '-')
		q++;
	else
		q = recog_skip_spaces(text, len, q);
	u = recog_phrase_at(T_UNITS, text, len, q, &n1);
	if (!u)
		u = bracketed_unit(text, len, q, &n1);
	c = recog_phrase_at(T_CURRENCY_POST, text, len, q, &n2);
	if (c && c->len == 1 && isalpha((unsigned char)c->s[0]) &&
	    (q != p || f->v * f->scale >= 200))
		c = NULL; /* "66p", "5c" only when joined, and small ("1440p" is video) */
	if (c && !isalnum((unsigned char)c->s[c->len - 1]) && !symbol_is_after(text, len, q + n2))
		c = NULL;
	if (c && u && n1 == n2 && strncasecmp(c->s, "pound", 5) == 0 &&
	    !pound_is_money(text, len, q + n2, f))
		c = NULL;
	if (c && !f->cur && (!u || n2 >= n1)) {
		f->cur = c;
		f->cur_after = true;
		if (f->scale == 1)
			return read_scale(text, len, q + n2, f); /* "75 USD million" */
		return q + n2;
	}
	if (u && f->cur && strcmp(u->col[0], "mass") == 0 && strncasecmp(u->s, "pound", 5) == 0)
		u = NULL; /* "£5 million pounds" */
	if (u && !f->cur) {
		f->unit = u;
		return q + n1;
	}
	if (u && f->cur && strcmp(u->col[0], "percent") == 0) {
		f->unit = u;
		f->cur = NULL;
		return q + n1;
	}
	if (!f->cur && q > p && (f->noun = read_noun(text, len, q, &end)) != NULL)
		return end;
	return p;
}

/* "26,314 and 18,778 tonnes", "58.6 mln from 32.6 mln tonnes": a figure
 * without a unit takes the unit or currency written after the next
 * figures of a list, a range or a change (up to three on). Its span
 * stays its own; the later figures are read on their own. */
static void read_shared_unit(const char *text, size_t len, size_t p, struct fig *f)
{
	static const char *const links[] = {"and", "or", "to", "from", "versus", "vs", "against",
		NULL};
	size_t q = p, n, k;

	for (int hop = 0; hop < 3; hop++) {
		struct fig g = {.scale = 1};
		const struct phrase *u, *c;
		double v;
		int i;

		q = recog_skip_spaces(text, len, q);
		if (q < len && text[q] == ',') {
			q = recog_skip_spaces(text, len, q + 1);
			if (word_is(text, len, q, "and") || word_is(text, len, q, "or"))
				q = recog_skip_spaces(text, len, q + word_len(text, len, q));
		} else {
			for (i = 0; links[i] && !word_is(text, len, q, links[i]); i++)
				;
			if (!links[i])
				return;
			q = recog_skip_spaces(text, len, q + strlen(links[i]));
		}
		n = digits_at(text, len, q, &v);
		if (!n)
			return;
		q = read_scale(text, len, q + n, &g);
		k = recog_skip_spaces(text, len, q);
		u = recog_phrase_at(T_UNITS, text, len, k, &n);
		c = recog_phrase_at(T_CURRENCY_POST, text, len, k, &n);
		if (c && strncasecmp(c->s, "pound", 5) != 0 && !(c->len == 1 && isalpha((unsigned char)c->s[0]))) {
			f->cur = c;
			f->cur_after = true;
		} else if (u) {
			f->unit = u;
		} else {
			continue;
		}
		if (f->scale == 1 && g.scale != 1)
			f->scale = g.scale, f->weak = g.weak;
		return;
	}
}

/* Cents written after whole units: "3 dollars 50 cents", "thirteen
 * dollars and forty-five cents", and after a currency written after the
 * number, bare: "15 dollars 50.", "17 USD 25". */
static size_t read_cents(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t q = recog_skip_spaces(text, len, p), e = q, n;
	const struct phrase *c;
	double cents;

	if (!f->cur || f->cur->num != 1 || f->scale != 1 || f->has_max || f->v != floor(f->v))
		return p;
	if (word_is(text, len, q, "and"))
		q = recog_skip_spaces(text, len, q + 3);
	if (q < len && isdigit((unsigned char)text[q])) {
		for (e = q; e < len && isdigit((unsigned char)text[e]); e++)
			;
		if (e - q > 2 || (e < len && (text[e] == '.' || text[e] == ',') && e + 1 < len &&
				      isdigit((unsigned char)text[e + 1])))
			return p;
		cents = (double)digits_value(text, q, e);
	} else if ((cents = recog_number_words(text, len, q, &e)) < 0) {
		return p;
	}
	if (cents < 1 || cents > 99 || cents != floor(cents))
		return p;
	c = recog_phrase_at(T_CURRENCY_POST, text, len, recog_skip_spaces(text, len, e), &n);
	if (c && c->num == 0.01 && !(c->len == 1 && isalpha((unsigned char)c->s[0]))) {
		f->v += cents / 100;
		return recog_skip_spaces(text, len, e) + n;
	}
	if (!f->cur_after || (e < len && !strchr(".,;!?)\n", text[e])) ||
	    (e + 1 < len && text[e] == '.' && isdigit((unsigned char)text[e + 1])))
		return p;
	f->v += cents / 100;
	return e;
}

/* A rate announced before the figure, within a few words of the same
 * clause (three words): "annual capacity of 2,000 tonnes", "daily output
 * of 500 t". */
static void read_per_before(const char *text, size_t start, struct fig *f)
{
	size_t floor = start > LOOK ? start - LOOK : 0, p = start;

	for (int w = 0; w < 3 && p > floor; w++) {
		size_t e = recog_skip_spaces_back(text, floor, p), s = e, st;
		const struct phrase *ph;

		while (s > floor && isalpha((unsigned char)text[s - 1]))
			s--;
		if (s == e)
			return; /* punctuation or a number: another clause */
		ph = recog_phrase_before(T_PERIODS, text, floor, e, &st);
		if (ph && st == s && (strcmp(ph->col[0], "pre") == 0 ||
				      (strcmp(ph->col[0], "per") == 0 && !strchr(ph->s, ' ') &&
				       ph->s[0] != '/'))) {
			f->per = ph;
			return;
		}
		p = s;
	}
}

/* A rate ("annually") or a price ("/lb") after the figure; a rate may
 * also follow "of <a few words>" ("570,000 tons of REEs annually"). */
static size_t read_per(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t q = recog_skip_spaces(text, len, p), n, after;
	const struct phrase *ph = recog_phrase_at(T_PERIODS, text, len, q, &n);

	if (!ph && q < len && text[q] == '-' && (ph = recog_phrase_at(T_PERIODS, text, len, q + 1, &n)))
		q++; /* "tonne-a-year" */
	if (ph) {
		after = recog_skip_spaces(text, len, q + n);
		if (word_is(text, len, after, "ago") || word_is(text, len, after, "earlier") ||
		    word_is(text, len, after, "later") || word_is(text, len, after, "before"))
			return p;
		if (strcmp(ph->col[0], "pre") == 0)
			return p; /* "annual" after a figure says nothing of it */
		if (strcmp(ph->col[0], "price") == 0) {
			if (!f->cur)
				return p;
			f->price = ph;
		} else {
			f->per = ph;
		}
		return q + n;
	}
	if (!f->unit && !f->noun)
		return p;
	if (!word_is(text, len, q, "of"))
		return p;
	q = recog_skip_spaces(text, len, q + 2);
	for (int w = 0; w < 5 && q < len; w++) {
		size_t wl = word_len(text, len, q);
		ph = recog_phrase_at(T_PERIODS, text, len, q, &n);
		if (ph && strcmp(ph->col[0], "per") == 0) {
			f->per = ph;
			return p; /* detached: the span stays on the figure */
		}
		if (!wl && q < len && text[q] == '(') {
			const char *close = memchr(text + q, ')', len - q < 40 ? len - q : 40);
			wl = close ? (size_t)(close - (text + q)) + 1 : 0;
		}
		if (!wl || wl > 40)
			return p;
		while (q + wl + 1 < len && (text[q + wl] == '-' || text[q + wl] == '\'') &&
		       isalpha((unsigned char)text[q + wl + 1]))
			wl += 1 + word_len(text, len, q + wl + 1);
		q = recog_skip_spaces(text, len, q + wl);
	}
	return p;
}

/* change_words: words before a figure that make "X to Y" a change, not
 * a range; span_words: verbs that make "from X to Y" the two ends of a
 * span (data/change_words.tsv, data/span_words.tsv, in numbers_words.h). */
bool assay_span_word(const char *w, size_t n)
{
	for (size_t i = 0; i < COUNT(span_words); i++)
		if (strlen(span_words[i]) == n && strncasecmp(w, span_words[i], n) == 0)
			return true;
	return false;
}

/* The word of @words (@n of them) that ends at @b (after @floor), or
 * NULL; *start is where it starts. */
static const char *word_before(const char *const *words, size_t n, const char *text,
			       size_t floor, size_t b, size_t *start)
{
	size_t s = b;

	while (s > floor && isalpha((unsigned char)text[s - 1]))
		s--;
	*start = s;
	for (size_t i = 0; i < n && s < b; i++)
		if (strlen(words[i]) == b - s && strncasecmp(text + s, words[i], b - s) == 0)
			return words[i];
	return NULL;
}

/* 2 after "from" (never a range, unless a span verb comes first: "ranged
 * from"), 1 after another change word (a range only when the first end
 * has no unit of its own: "rose by 20 to 30 percent"), else 0. */
static int change_word_before(const char *text, size_t floor, size_t b)
{
	size_t s;
	const char *w = word_before(change_words, COUNT(change_words), text, floor, b, &s);
	bool from = w && strcmp(w, "from") == 0;

	if (!w)
		return 0;
	if (from && word_before(span_words, COUNT(span_words), text, floor,
				recog_skip_spaces_back(text, floor, s), &s))
		return 0;
	return from ? 2 : 1;
}

/* Qualifier, currency and "between" before the number; *bstart is where
 * "between" starts (only used when a range follows). */
static size_t read_left(const char *text, size_t cs, struct fig *f, size_t *bstart, int *from)
{
	size_t floor = cs > LOOK ? cs - LOOK : 0, left = cs, st, b, sign = cs;
	const struct phrase *c;

	if (floor < f->floor)
		floor = f->floor;
	if (cs > floor && (text[cs - 1] == '-' || text[cs - 1] == '+'))
		sign = cs - 1; /* "$-50.8bn": the size of a fall */
	else if (cs >= floor + 3 && memcmp(text + cs - 3, "\xe2\x88\x92", 3) == 0)
		sign = cs - 3; /* U+2212 minus */
	c = recog_phrase_before(T_CURRENCY_PRE, text, floor, cs, &st);
	if (!c && sign < cs)
		c = recog_phrase_before(T_CURRENCY_PRE, text, floor, sign, &st);
	b = recog_skip_spaces_back(text, floor, cs);
	if (!c && b < cs)
		c = recog_phrase_before(T_CURRENCY_PRE, text, floor, b, &st); /* "USD 34.6" */
	if (c) {
		f->cur = c;
		left = st;
	}
	b = recog_skip_spaces_back(text, floor, left);
	f->qual = recog_phrase_before(T_QUAL_BEFORE, text, floor, b, &st);
	if (f->qual) {
		left = st;
		b = recog_skip_spaces_back(text, floor, left);
	}
	*bstart = 0;
	if (b >= floor + 7 && strncasecmp(text + b - 7, "between", 7) == 0 &&
	    (b == 7 || !is_word_byte((unsigned char)text[b - 8])))
		*bstart = b - 7 + 1; /* +1: 0 means none */
	*from = change_word_before(text, floor, b);
	return left;
}

static double round_sig(double v)
{
	/* conversions like lb -> t leave float noise: keep 12 significant digits */
	char buf[40];

	if (fabs(v) < 1e12 && v == (double)(long long)v)
		return v; /* a whole number of 12 digits or fewer prints and reads back as itself */
	snprintf(buf, sizeof buf, "%.12g", v);
	return strtod(buf, NULL);
}

/* Fills @m from @f; false when the figure is not a mention. */
static bool fig_to_mention(const char *text, size_t len, struct fig *f, struct assay_mention *m)
{
	double factor = 1;

	memset(m, 0, sizeof m[0]);
	if (f->unit && strcmp(f->unit->col[0], "percent") == 0) {
		m->type = ASSAY_M_PERCENT;
		factor = f->unit->num; /* basis points are hundredths */
	} else if (f->cur) {
		m->type = ASSAY_M_MONEY;
		factor = f->cur->num;
		recog_copy_field(m->unit, sizeof m->unit, f->cur->col[0], strlen(f->cur->col[0]));
	} else if (f->unit) {
		m->type = ASSAY_M_QUANTITY;
		factor = f->unit->num;
		m->ton_ambiguous = strchr(f->unit->col[4], 'a') != NULL;
		if (strcmp(f->unit->col[3], "-") != 0)
			recog_copy_field(m->per, sizeof m->per, f->unit->col[3], strlen(f->unit->col[3]));
	} else if (f->noun) {
		if (f->words && f->v * f->scale < 2)
			return false;
		m->type = ASSAY_M_COUNT;
		recog_copy_field(m->unit, sizeof m->unit, f->noun->col[0], strlen(f->noun->col[0]));
	} else if (f->scale != 1 && !f->weak && !f->words) {
		m->type = ASSAY_M_NUMBER;
	} else if (!f->words && f->scale == 1 && in_table_cell(text, len, f->start, f->end)) {
		m->type = ASSAY_M_NUMBER;
	} else {
		return false;
	}
	if (f->unit) {
		recog_copy_field(m->unit, sizeof m->unit, f->unit->col[1], strlen(f->unit->col[1]));
		recog_copy_field(m->unit_text, sizeof m->unit_text, f->unit->s, f->unit->len);
	} else if (f->cur) {
		recog_copy_field(m->unit_text, sizeof m->unit_text, f->cur->s, f->cur->len);
	} else if (f->noun) {
		recog_copy_field(m->unit_text, sizeof m->unit_text, f->noun->s, f->noun->len);
	}
	m->value = round_sig(f->v * f->scale * factor);
	m->has_max = f->has_max;
	m->value_max = f->has_max ? round_sig(f->vmax * factor) : 0;
	if (f->per && !m->per[0])
		recog_copy_field(m->per, sizeof m->per, f->per->col[1], strlen(f->per->col[1]));
	if (f->price)
		recog_copy_field(m->price_per, sizeof m->price_per, f->price->col[1],
			   strlen(f->price->col[1]));
	recog_copy_field(m->qualifier, sizeof m->qualifier, f->qualifier, strlen(f->qualifier));
	m->start = f->start;
	m->end = f->end;
	return true;
}

/* A four-digit year (or "2012-13", "2020-2025") that is not a figure:
 * fills a date mention and returns true. */
static bool read_year(const char *text, size_t len, size_t cs, size_t ce, struct assay_mention *m,
		      size_t *end)
{
	long y = digits_value(text, cs, ce), y2 = 0;
	size_t p = ce, n = 0;

	if (ce - cs != 4 || y < 1900 || y > 2100)
		return false;
	memset(m, 0, sizeof *m);
	if (p + 2 < len && (text[p] == '-' || text[p] == '/') && isdigit((unsigned char)text[p + 1])) {
		while (p + 1 + n < len && isdigit((unsigned char)text[p + 1 + n]))
			n++;
		if (n == 2 || n == 4) {
			y2 = digits_value(text, p + 1, p + 1 + n);
			if (n == 2)
				y2 += y / 100 * 100;
			if (y2 > y && y2 <= 2100)
				p += 1 + n;
			else
				y2 = 0;
		}
	}
	m->type = ASSAY_M_DATE;
	m->start = cs;
	m->end = p;
	if (y2)
		snprintf(m->id, sizeof m->id, "%04ld/%04ld", y, y2);
	else
		snprintf(m->id, sizeof m->id, "%04ld", y);
	*end = p;
	return true;
}

/* A fraction written with a slash: "1/2", "6/100" (numerator below a
 * usual denominator). Its value, and its end in *end; -1 if none. */
static double slash_fraction(const char *text, size_t len, size_t pos, size_t *end)
{
	static const long dens[] = {2, 3, 4, 8, 16, 32, 64, 10, 100, 0};
	size_t q = pos, e;
	long a, b;

	while (q < len && isdigit((unsigned char)text[q]) && q - pos < 3)
		q++;
	if (q == pos || q + 1 >= len || text[q] != '/' || !isdigit((unsigned char)text[q + 1]))
		return -1;
	for (e = q + 1; e < len && isdigit((unsigned char)text[e]) && e - q < 4; e++)
		;
	if (e < len && (isdigit((unsigned char)text[e]) || text[e] == '/'))
		return -1; /* a date, or "1/2/3" */
	a = digits_value(text, pos, q);
	b = digits_value(text, q + 1, e);
	for (int i = 0; dens[i]; i++) {
		if (b == dens[i] && a > 0 && a < b) {
			*end = e;
			return (double)a / (double)b;
		}
	}
	return -1;
}

/* "4-1/2 pct", "28 1/2": a whole number and a fraction. Extends the core
 * (*ce) and the value. "125/132 dlrs" is a range the wire writes with a
 * slash (two ends of one size). */
static void read_fraction_part(const char *text, size_t len, size_t cs, size_t *ce, struct fig *f)
{
	size_t e;
	double fr;

	if (*ce + 2 < len && (text[*ce] == '-' || text[*ce] == ' ') &&
	    (fr = slash_fraction(text, len, *ce + 1, &e)) > 0) {
		f->v += fr;
		*ce = e;
	} else if (*ce - cs <= 3 && (fr = slash_fraction(text, len, cs, &e)) > 0) {
		f->v = fr;
		*ce = e;
	} else if (*ce + 1 < len && text[*ce] == '/' && isdigit((unsigned char)text[*ce + 1])) {
		size_t q = *ce + 1;
		double v2;

		while (q < len && isdigit((unsigned char)text[q]))
			q++;
		v2 = (double)digits_value(text, *ce + 1, q);
		if (q - (*ce + 1) == *ce - cs && v2 > f->v && f->v >= 10 &&
		    (q >= len || (text[q] != '/' && text[q] != '.'))) {
			f->vmax = v2;
			f->has_max = true;
			*ce = q;
		}
	}
}

/* "12.5m @ 3.1 g/t": a bare "m" glued to a number, no money around, is
 * metres when a grade is written near it (drill intercepts). */
static bool metres_near_grade(const char *text, size_t len, size_t cs, size_t ce)
{
	size_t s = cs > 60 ? cs - 60 : 0, e = ce + 60 < len ? ce + 60 : len;

	for (size_t i = s; i + 1 < e; i++)
		if (text[i] == '@' || (text[i] == 'g' && (text[i + 1] == '/' || text[i + 1] == 'p')) ||
		    (text[i] == 'p' && i + 2 < e && text[i + 1] == 'p' && text[i + 2] == 'm'))
			return true;
	return false;
}

static const struct phrase *unit_named(const char *name)
{
	size_t n;

	return recog_phrase_at(T_UNITS, name, strlen(name), 0, &n);
}

/* "0.545 ounces of gold a ton", "2 grams of gold per tonne": an amount
 * of metal per ton of rock is a grade. Returns where it ends. */
static size_t read_grade_of(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t q = recog_skip_spaces(text, len, p), w;
	bool oz = f->unit && strcmp(f->unit->col[1], "ozt") == 0 && f->scale == 1;
	bool g = f->unit && strcmp(f->unit->col[1], "t") == 0 && f->unit->num == 0.000001;

	if (!(oz || g) || !word_is(text, len, q, "of"))
		return p;
	q = recog_skip_spaces(text, len, q + 2);
	w = word_len(text, len, q);
	if (!w || w > 12)
		return p;
	q = recog_skip_spaces(text, len, q + w);
	if (word_is(text, len, q, "a") || word_is(text, len, q, "per"))
		q = recog_skip_spaces(text, len, q + word_len(text, len, q));
	else
		return p;
	if (word_is(text, len, q, "short") || word_is(text, len, q, "metric"))
		q = recog_skip_spaces(text, len, q + word_len(text, len, q));
	w = word_len(text, len, q);
	if (!word_is(text, len, q, "ton") && !word_is(text, len, q, "tonne"))
		return p;
	f->unit = unit_named(oz ? "oz/t" : "g/t");
	return q + w;
}

static bool next_word_in(const char *text, size_t len, size_t pos, const char *const *words)
{
	size_t q = recog_skip_spaces(text, len, pos);

	if (q < len && text[q] == '-')
		q++;
	for (int i = 0; words[i]; i++)
		if (word_is(text, len, q, words[i]))
			return true;
	return false;
}

/* The figure read last: where it ended, and its unit or currency, which
 * a bare figure right after it may share. */
struct prev_fig {
	size_t end;
	const struct phrase *unit, *cur;
};

/* "25.3 mln dlrs vs 12.1 mln", "361 million pounds, up from 340 million":
 * a bare figure written right after a figure with a unit, joined by a word
 * of comparison, has the same unit. */
static void read_unit_before(const char *text, size_t len, size_t start, size_t after,
			     const struct prev_fig *prev, struct fig *f)
{
	static const char *const links[] = {"vs.", "vs", "versus", "against", "from",
		"compared with", "compared to", "up from", "down from", NULL};
	static const char *const then[] = {"in", "a", "an", "the", "last", "at", "on", "for", "and",
		"or", "to", "year", "earlier", "previously", "before", NULL};
	size_t p = prev->end, q = recog_skip_spaces(text, len, after);

	if ((!prev->unit && !prev->cur) || !p || start < p || start - p > 30)
		return;
	if (q < len && isalpha((unsigned char)text[q]) && !next_word_in(text, len, q, then))
		return; /* "from 12 months ago": the word after says what it is */
	while (p < start && (text[p] == ' ' || text[p] == ',' || text[p] == '(' || text[p] == '\n'))
		p++;
	for (int i = 0; links[i]; i++) {
		size_t n = strlen(links[i]), q = p + n;

		if (q > start || strncasecmp(text + p, links[i], n) != 0 ||
		    (q < start && isalpha((unsigned char)text[q])))
			continue;
		while (q < start && (text[q] == ' ' || text[q] == '\n'))
			q++;
		if (q != start)
			continue;
		f->unit = prev->unit;
		f->cur = prev->cur;
		return;
	}
}

/* Reads the figure around the core text[cs..ce); returns where to resume
 * and fills *m / *have when there is a mention. */
/* A qualifier after the figure ("20,000 tonnes or more", "5+"), and the
 * figure's qualifier word; the new end. */
static size_t read_qual_after(const char *text, size_t len, size_t p, struct fig *f)
{
	size_t skip;
	const struct phrase *qa =
		recog_phrase_at(T_QUAL_AFTER, text, len, recog_skip_spaces(text, len, p), &skip);

	if (qa && (strcmp(qa->s, "+") != 0 || recog_skip_spaces(text, len, p) == p)) {
		f->qual = qa;
		p = recog_skip_spaces(text, len, p) + skip;
	}
	if (f->qual)
		recog_copy_field(f->qualifier, sizeof f->qualifier, f->qual->col[0], strlen(f->qual->col[0]));
	else
		strcpy(f->qualifier, "eq");
	return p;
}

static size_t read_figure(const char *text, size_t len, size_t cs, size_t ce,
			  struct prev_fig *prev, pcre2_match_data *md, struct assay_mention *m,
			  bool *have)
{
	struct fig f = {.scale = 1, .floor = prev->end};
	int from = 0;
	size_t p, skip, after_core, bstart;

	*have = false;
	f.words = !isdigit((unsigned char)text[cs]) && text[cs] != '.'; /* ".99 pct" */
	if (f.words) {
		f.v = recog_number_words(text, len, cs, &ce);
		if (f.v < 0)
			return ce;
	} else {
		if (ce - cs > MAX_DIGITS)
			return ce;
		if (is_phone(text, len, cs, md, &skip))
			return skip;
		if (cs >= 2 && text[cs - 1] == '-' && isalpha((unsigned char)text[cs - 2]) &&
		    read_year(text, len, cs, ce, m, &skip)) {
			*have = true; /* "mid-2025", "pre-2020" */
			return skip;
		}
		if (not_figure(text, len, cs, ce, &skip))
			return skip;
		f.v = parse_digits(text, cs, ce);
		read_fraction_part(text, len, cs, &ce, &f);
	}
	f.start = read_left(text, cs, &f, &bstart, &from);
	p = read_scale(text, len, ce, &f);
	p = read_range(text, len, p, &f, bstart != 0, from);
	if (bstart && f.has_max)
		f.start = bstart - 1;
	after_core = p;
	p = read_unit(text, len, p, &f);
	if (!f.words && !f.cur && !f.unit && !f.noun && f.scale == 1 &&
	    read_year(text, len, cs, ce, m, &skip)) {
		*have = true;
		return skip;
	}
	if (!f.cur && !f.unit && !f.noun && f.weak && f.scale_ph && strcmp(f.scale_ph->s, "m") == 0 &&
	    metres_near_grade(text, len, cs, p)) {
		f.scale = 1, f.weak = false;
		f.unit = unit_named("m");
	}
	if (!f.cur && !f.unit && !f.noun && !f.has_max)
		read_shared_unit(text, len, p, &f);
	if (!f.cur && !f.unit && !f.noun)
		read_unit_before(text, len, f.start, p, prev, &f);
	p = read_cents(text, len, p, &f);
	p = read_grade_of(text, len, p, &f);
	if (p == after_core && p < len && isalpha((unsigned char)text[p]))
		return p; /* 50Ni50CrNb, 4G, 10x */
	p = read_per(text, len, p, &f);
	if (!f.per && !f.cur && (f.unit || f.noun) && !(f.unit && strcmp(f.unit->col[3], "-") != 0))
		read_per_before(text, f.start, &f);
	p = read_qual_after(text, len, p, &f);
	f.end = p;
	*have = fig_to_mention(text, len, &f, m);
	if (*have) {
		prev->end = m->end;
		prev->unit = f.unit;
		prev->cur = f.cur;
	}
	return p > ce ? p : ce;
}



/* Whether a number word starts at @pos: "two", "twenty", "a" or "an"
 * before a scale ("a million"), "half" before "a" ("half a million"). */
static bool number_word_at(const char *text, size_t len, size_t pos)
{
	static const char *const parts[] = {"quarter", "half", NULL};
	static const char *const articles[] = {"a", "an", NULL};
	size_t n;

	if (!word_set_has(&start_set, text, len, pos, &n))
		return false;
	if (n > 2 && strncasecmp(text + pos, "half", 4) != 0)
		return true;
	if (word_is(text, len, pos, "a") || word_is(text, len, pos, "an"))
		return next_word_in(text, len, pos + n, scale_words) ||
		       next_word_in(text, len, pos + n, parts);
	if (word_is(text, len, pos, "half"))
		return next_word_in(text, len, pos + n, articles) ||
		       next_word_in(text, len, pos + n, large_scales);
	return false;
}

/* Whether the character before @pos is a letter (or a digit). */
static bool letter_before(const char *text, size_t len, size_t pos)
{
	size_t s = pos;
	bool word = false;

	if (pos == 0)
		return false;
	if ((unsigned char)text[pos - 1] < 0x80)
		return is_word_byte((unsigned char)text[pos - 1]);
	while (s > 0 && pos - s < 4 && ((unsigned char)text[s - 1] & 0xc0) == 0x80)
		s--;
	if (s > 0)
		s--;
	recog_char_at(text, len, s, &word);
	return word;
}

/* A core glued to the letters before it ("USD115", "PS2.7m") is a figure
 * only when they are a currency written before figures. A code flagged
 * 's' in currencies.tsv ("PS", also a games console) wants decimals,
 * thousands or a scale in the figure ("PS2.7m", not "PS2"). */
static bool glued_code(const char *text, size_t len, size_t cs, size_t ce)
{
	size_t floor = cs > LOOK ? cs - LOOK : 0, st, n;
	const struct phrase *c = recog_phrase_before(T_CURRENCY_PRE, text, floor, cs, &st);

	if (!c || !isalpha((unsigned char)text[cs - 1]))
		return false;
	if (!strchr(c->col[3], 's'))
		return true;
	if (memchr(text + cs, '.', ce - cs) || memchr(text + cs, ',', ce - cs))
		return true;
	return recog_phrase_at(T_SCALES, text, len, ce, &n) != NULL;
}

static bool in_dates(const struct mvec *dates, size_t *di, size_t s)
{
	while (*di < dates->n && dates->v[*di].end <= s)
		(*di)++;
	return *di < dates->n && dates->v[*di].start <= s;
}

/* A share written as a fraction before "of": "two-thirds of", "half of". */
static bool read_fraction(const char *text, size_t len, size_t pos, struct assay_mention *m)
{
	size_t n, q, r, floor = pos > LOOK ? pos - LOOK : 0, st;
	const struct phrase *fr = recog_phrase_at(T_FRACTIONS, text, len, pos, &n);
	const struct phrase *qual;

	if (!fr)
		return false;
	if (pos > 0) { /* "the second half of the year" is a time */
		static const char *const ordinals[] = {"first", "second", "third", "fourth", "last",
			"latter", "former", "other", "final", NULL};
		size_t e = recog_skip_spaces_back(text, floor, pos), b = e;

		while (b > floor && isalpha((unsigned char)text[b - 1]))
			b--;
		for (int i = 0; ordinals[i] && b < e; i++)
			if (word_is(text, e, b, ordinals[i]))
				return false;
	}
	q = recog_skip_spaces(text, len, pos + n);
	if (q == pos + n || !word_is(text, len, q, "of"))
		return false;
	r = recog_skip_spaces(text, len, q + 2);
	if (word_is(text, len, r, "a") || word_is(text, len, r, "an"))
		r = recog_skip_spaces(text, len, r + word_len(text, len, r));
	for (int i = 0; large_scales[i]; i++)
		if (word_is(text, len, r, large_scales[i]))
			return false; /* "three quarters of a billion dollars" is an amount */
	memset(m, 0, sizeof *m);
	m->type = ASSAY_M_PERCENT;
	m->start = pos;
	m->end = pos + n;
	m->value = fr->num;
	strcpy(m->unit, "%");
	recog_copy_field(m->unit_text, sizeof m->unit_text, fr->s, fr->len);
	strcpy(m->qualifier, "approx");
	qual = recog_phrase_before(T_QUAL_BEFORE, text, floor, recog_skip_spaces_back(text, floor, pos), &st);
	if (qual) { /* "more than half of", "about a third of" */
		recog_copy_field(m->qualifier, sizeof m->qualifier, qual->col[0], strlen(qual->col[0]));
		m->start = st;
	}
	return true;
}

/* Figures written with number words; resolved against the digit ones
 * later (overlaps: the longest wins). */
static int find_word_figures(const char *text, size_t len, const struct mvec *dates,
			     pcre2_match_data *md, struct mvec *out)
{
	size_t pos = next_word_start(text, len, 0), di = 0, skip;
	struct prev_fig prev = {0};

	while (pos < len) {
		struct assay_mention m;
		bool have;
		size_t next = pos + 1;

		if (isalpha((unsigned char)text[pos]) && word_set_has(&frac_set, text, len, pos, &skip) &&
		    read_fraction(text, len, pos, &m)) {
			if (recog_mvec_push(out, &m) != ASSAY_OK)
				return ASSAY_ENOMEM;
			next = m.end;
		} else if (isalpha((unsigned char)text[pos]) && number_word_at(text, len, pos) &&
			   !in_dates(dates, &di, pos)) {
			next = read_figure(text, len, pos, pos + word_len(text, len, pos), &prev, md,
					   &m, &have);
			if (have && recog_mvec_push(out, &m) != ASSAY_OK)
				return ASSAY_ENOMEM;
			if (next <= pos)
				next = pos + 1;
		}
		if (next > pos && is_word_byte((unsigned char)text[next - 1]))
			while (next < len && is_word_byte((unsigned char)text[next]))
				next++;
		pos = next_word_start(text, len, next);
	}
	return ASSAY_OK;
}

int numbers_find(const char *text, size_t len, const struct mvec *dates, pcre2_match_data *md,
		 struct mvec *out)
{
	size_t off = 0, di = 0;
	struct prev_fig prev = {0};
	int rc = find_word_figures(text, len, dates, md, out);

	if (rc != ASSAY_OK)
		return rc;

	while (off < len) {
		PCRE2_SIZE *ov;
		struct assay_mention m;
		bool have;
		size_t s, e;
		int rc = recog_rx_next(core_re, text, len, off, md);

		if (rc == ASSAY_ENOTFOUND)
			break;
		if (rc != ASSAY_OK)
			return rc == ASSAY_ENOMEM ? rc : ASSAY_OK;
		ov = pcre2_get_ovector_pointer(md);
		s = ov[0];
		e = ov[1];
		if (in_dates(dates, &di, s)) {
			off = dates->v[di].end > e ? dates->v[di].end : e;
			continue;
		}
		if (letter_before(text, len, s) && !glued_code(text, len, s, e)) {
			off = e; /* Li2O, COVID19, a hash in a URL */
			continue;
		}
		off = read_figure(text, len, s, e, &prev, md, &m, &have);
		if (off <= s)
			off = e > s ? e : s + 1;
		if (have && recog_mvec_push(out, &m) != ASSAY_OK)
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}
