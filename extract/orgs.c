/* orgs.c - companies and bodies known by their form, not by a list.
 *
 * The gazetteer (orgs.tsv) knows a few hundred organisations; a story
 * names others all the time. Here a capitalised name is an organisation
 * when it ends in a legal form ("Nippon Light Metal Co Ltd"), an industry
 * head ("Teles Pires Mining"), a body noun ("Thailand Mineral Resources
 * Department", "American Bureau of Metal Statistics"), is defined with an
 * acronym in brackets ("Association of Tin Producing Countries (ATPC)"),
 * or is marked up by the wire ("<Novo Astro>"). Its id is a stable slug:
 * the name without its legal form, lower-case, hyphenated
 * (nippon-light-metal), or the acronym it was defined with (atpc); a name
 * the gazetteer knows keeps the gazetteer's id. Later in the story the
 * name without its legal form, its first word ("Nippon", "Asarco") or its
 * acronym stand for it too. A country inside such a name is part of it
 * ("China Steel Corp" is no mention of China).
 *
 * The word lists are data (data/claims/org_words.tsv). At most MAX_ORGS
 * names and MAX_FORMS short forms are kept per text, so a page of ten
 * thousand capitalised names costs linear time. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "assay.h"
#include "claims.h"
#include "hash.h"
#include "map.h"
#include "recog.h"
#include "utf8.h"

enum { R_DESIGNATOR = 1, R_HEAD = 2, R_BODY = 4, R_CONNECTOR = 8, R_NONNAME = 16,
       R_GENERIC = 32, R_GOV = 64, R_SITE = 128, R_TERM = 256 };

/* word -> roles (R_* bits), filled while the rules load, then only read. */
static struct assay_map words;

int cl_org_word_add(const char *role, const char *w)
{
	static const char *const names[] = {"designator", "head", "body", "connector",
					    "nonname", "generic", "government", "site", "term"};
	size_t n = strlen(w), *v;
	unsigned r = 0;

	for (unsigned k = 0; k < sizeof names / sizeof names[0]; k++)
		if (strcmp(role, names[k]) == 0)
			r = 1u << k;
	if (r == R_GOV)
		r |= R_BODY; /* a government body is a body */
	if (!r || !n)
		return ASSAY_EINVAL;
	if (assay_map_put(&words, w, n, &v))
		return ASSAY_ENOMEM;
	*v |= r;
	return ASSAY_OK;
}

void cl_org_words_clear(void)
{
	assay_map_release(&words);
}

static unsigned roles_of(const char *s, size_t n)
{
	const size_t *v = assay_map_get(&words, s, n);

	return v ? (unsigned)*v : 0;
}

/* ---- words of the text ---- */

struct word {
	size_t s, e;       /* bytes; e excludes a trailing '.' */
	bool cap;          /* starts with a capital letter or a digit */
	bool lower;        /* has a lower-case letter */
	bool poss;         /* ends in 's: "Japan's" */
	unsigned roles;
	bool gap;          /* something other than one space follows it */
};

/* The bytes of a word, by table: the scanner looks at every byte of the
 * text. WB_WORD: ASCII letters and digits, non-ASCII bytes and & ' - . /;
 * WB_PUNCT: the four of those a word may end in but never starts with. */
enum { WB_WORD = 1, WB_PUNCT = 2 };
#define B1(c, v) [c] = (v)
#define B10(c) B1(c, WB_WORD), B1(c + 1, WB_WORD), B1(c + 2, WB_WORD), B1(c + 3, WB_WORD), \
	B1(c + 4, WB_WORD), B1(c + 5, WB_WORD), B1(c + 6, WB_WORD), B1(c + 7, WB_WORD),     \
	B1(c + 8, WB_WORD), B1(c + 9, WB_WORD)
static const unsigned char word_bytes[256] = {
	B10('0'), B10('A'), B10('A' + 10), B1('U', WB_WORD), B1('V', WB_WORD), B1('W', WB_WORD),
	B1('X', WB_WORD), B1('Y', WB_WORD), B1('Z', WB_WORD), B10('a'), B10('a' + 10),
	B1('u', WB_WORD), B1('v', WB_WORD), B1('w', WB_WORD), B1('x', WB_WORD), B1('y', WB_WORD),
	B1('z', WB_WORD), B10(0x80), B10(0x8a), B10(0x94), B10(0x9e), B10(0xa8), B10(0xb2),
	B10(0xbc), B10(0xc6), B10(0xd0), B10(0xda), B10(0xe4), B10(0xee), B1(0xf8, WB_WORD),
	B1(0xf9, WB_WORD), B1(0xfa, WB_WORD), B1(0xfb, WB_WORD), B1(0xfc, WB_WORD),
	B1(0xfd, WB_WORD), B1(0xfe, WB_WORD), B1(0xff, WB_WORD), B1('&', WB_WORD),
	B1('\'', WB_WORD | WB_PUNCT), B1('-', WB_WORD | WB_PUNCT), B1('.', WB_WORD | WB_PUNCT),
	B1('/', WB_WORD | WB_PUNCT),
};

static inline bool word_byte(unsigned char c)
{
	return word_bytes[c] & WB_WORD;
}

static inline bool ascii_lower(unsigned char c)
{
	return (unsigned)(c - 'a') < 26;
}

/* A capital letter or a digit before a letter: "3M" is a name, "110" is not. */
static bool upper_at(const char *t, size_t len, size_t p)
{
	return assay_utf8_upper(t + p, len - p) ||
	       (isdigit((unsigned char)t[p]) && p + 1 < len && isalpha((unsigned char)t[p + 1]));
}

/* The word at @p (a word byte that is no punctuation); *next after it. */
static void scan_word(const char *t, size_t len, size_t p, struct word *w, size_t *next)
{
	size_t q = p;

	while (q < len && word_byte((unsigned char)t[q]))
		q++;
	*next = q;
	while (q > p && (word_bytes[(unsigned char)t[q - 1]] & WB_PUNCT))
		q--; /* "Inc." "Co.," */
	w->s = p;
	w->e = q;
	w->poss = q >= p + 2 && (t[q - 1] == 's' || t[q - 1] == 'S') && t[q - 2] == '\'';
	if (!w->poss && q >= p + 4 && (t[q - 1] == 's') && memcmp(t + q - 4, "\xe2\x80\x99", 3) == 0)
		w->poss = true;
	w->cap = upper_at(t, len, p);
	w->lower = false;
	for (size_t i = p; i < q && !w->lower; i++)
		w->lower = ascii_lower((unsigned char)t[i]);
	w->roles = roles_of(t + p, q - p);
	bool abbrev = q - p == 2 && q < len && t[q] == '.' &&
		      (!memcmp(t + p, "St", 2) || !memcmp(t + p, "Mt", 2) || !memcmp(t + p, "Ft", 2));
	if (q < len && t[q] == '.' && memchr(t + p, '.', q - p) && !w->lower && q + 2 < len &&
	    t[q + 1] == ' ') { /* "Intergold U.S.A. Inc": initials inside a company's name */
		size_t a = q + 2, b = a;
		while (b < len && isalpha((unsigned char)t[b]))
			b++;
		abbrev = (roles_of(t + a, b - a) & R_DESIGNATOR) != 0;
	}
	bool spaced = *next + 1 < len && t[*next] == ' ' &&
		      (isalnum((unsigned char)t[*next + 1]) || (unsigned char)t[*next + 1] >= 0x80 ||
		       t[*next + 1] == '&');
	bool stop = q < len && t[q] == '.' && !(w->roles & R_DESIGNATOR) && q + 1 == *next;
	w->gap = !abbrev && (!spaced || stop);
}

/* ---- what was found ---- */

#define MAX_ORGS 256
#define MAX_FORMS 512

struct org {
	size_t s, e;        /* the mention */
	char id[48];
	char kind[20];
	bool gov;           /* a government's department: speaks for its country */
};

struct form {
	size_t s, n;        /* the form's bytes in the text */
	int org;            /* index into orgs, -1 when two orgs share it */
	uint64_t h;         /* of its first word */
};

/* What one text holds while it is read. Only the members before org[]
 * are cleared for each text: org[] and form[] are filled as counted. */
struct found {
	const char *t;
	size_t len;
	size_t norg;
	size_t nform;
	/* spans the gazetteer and the recognizers took, sorted */
	struct span {
		size_t s, e;
		int m;      /* index into the mention vector */
	} *taken;
	size_t ntaken;
	int rc;             /* ASSAY_ENOMEM once an allocation failed */
	/* the line being read: is it a title-case heading? */
	size_t line_s, line_e;
	bool title_case;
	struct org org[MAX_ORGS];
	struct form form[MAX_FORMS];
};

/* The id of a name: lower case, accents and legal forms gone, hyphens
 * between words. Sets *rc to ASSAY_ENOMEM when utf8proc runs out. */
static void slug(const char *s, size_t n, char out[48], int *rc)
{
	utf8proc_uint8_t *f = NULL;
	size_t k = 0;
	bool dash = false;
	utf8proc_ssize_t r;

	out[0] = '\0';
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
			 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (r == UTF8PROC_ERROR_NOMEM)
		*rc = ASSAY_ENOMEM;
	if (r < 0)
		return;
	for (const utf8proc_uint8_t *p = f; *p && k + 1 < 48; p++) {
		if (*p == '\'' || *p == '.')
			continue; /* "McDonald's", "U.S." */
		if (isalnum(*p)) {
			if (dash && k)
				out[k++] = '-';
			dash = false;
			if (k + 1 < 48)
				out[k++] = (char)*p;
		} else {
			dash = true;
		}
	}
	out[k] = '\0';
	free(f);
}

/* The first taken span that ends after @p. */
static size_t taken_from(const struct found *f, size_t p)
{
	size_t lo = 0, hi = f->ntaken;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->taken[mid].e <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A mention of the gazetteer's that [s, e) would cover or cut. */
static const struct span *overlap(const struct found *f, size_t s, size_t e)
{
	size_t i = taken_from(f, s);

	return i < f->ntaken && f->taken[i].s < e ? &f->taken[i] : NULL;
}

static void add_form(struct found *f, size_t s, size_t n, int org)
{
	size_t fw = 0;

	while (fw < n && f->t[s + fw] != ' ')
		fw++;
	uint64_t h = assay_hash64(f->t + s, fw, 0); /* of its first word */

	for (size_t i = 0; i < f->nform; i++)
		if (f->form[i].h == h && f->form[i].n == n &&
		    memcmp(f->t + f->form[i].s, f->t + s, n) == 0) {
			if (f->form[i].org >= 0 && strcmp(f->org[f->form[i].org].id, f->org[org].id))
				f->form[i].org = -1; /* "Alcan" of two Alcans: neither */
			return;
		}
	if (f->nform < MAX_FORMS)
		f->form[f->nform++] = (struct form){s, n, org, h};
}

static void add_org(struct found *f, size_t s, size_t e, size_t core_e, const char *id,
		    const char *kind, size_t acr_s, size_t acr_n)
{
	struct org *o;
	struct word w;
	size_t next;

	if (f->norg == MAX_ORGS || core_e <= s)
		return;
	o = &f->org[f->norg++];
	o->s = s;
	o->e = e;
	o->gov = false;
	assay_copy(o->kind, sizeof o->kind, kind);
	if (id && *id)
		assay_copy(o->id, sizeof o->id, id);
	else
		slug(f->t + s, core_e - s, o->id, &f->rc);
	if (!o->id[0]) {
		f->norg--;
		return;
	}
	int k = (int)(f->norg - 1);
	if (core_e < e)
		add_form(f, s, core_e - s, k); /* "Nippon Light Metal" without "Co Ltd" */
	if (acr_n)
		add_form(f, acr_s, acr_n, k);
	scan_word(f->t, f->len, s, &w, &next);
	if (w.e < core_e && w.e - w.s >= 3 && w.lower && !strcmp(kind, "company") &&
	    !(w.roles & (R_GENERIC | R_NONNAME | R_HEAD | R_BODY | R_DESIGNATOR)) &&
	    !overlap(f, w.s, w.e))
		add_form(f, w.s, w.e - w.s, k); /* "Nippon"; not "Arkansas" of its Oil and Gas Commission */
}

/* An all-capitals run of long words is a headline, not a name. */
static bool shouting(const struct word *w, size_t n)
{
	size_t letters = 0;

	for (size_t i = 0; i < n; i++) {
		if (w[i].lower)
			return false;
		letters += w[i].e - w[i].s;
	}
	return letters >= 12;
}

/* "Nippon Light Metal Co Ltd <NLGT.T>": the wire's ticker after a name
 * belongs to it; returns the end of the name with its ticker. */
static size_t ticker_end(const struct found *f, size_t e)
{
	size_t q = e;

	if (q + 4 >= f->len || !isspace((unsigned char)f->t[q]) || f->t[q + 1] != '<')
		return e;
	for (q += 2; q < f->len && q < e + 20 && (isupper((unsigned char)f->t[q]) ||
						     isdigit((unsigned char)f->t[q]) || f->t[q] == '.');
	     q++)
		;
	return q < f->len && f->t[q] == '>' ? q + 1 : e;
}

/* "(ATPC)" right after position @p: its bytes, or 0. */
static size_t acronym_after(const char *t, size_t len, size_t p, size_t *as)
{
	size_t q, n = 0;

	if (p + 3 >= len || !isspace((unsigned char)t[p]) || t[p + 1] != '(')
		return 0;
	for (q = p + 2; q < len && (isupper((unsigned char)t[q]) || isdigit((unsigned char)t[q]) ||
				    t[q] == '&'); q++)
		n++;
	if (q >= len || t[q] != ')' || n < 2 || n > 8 || !isupper((unsigned char)t[p + 2]))
		return 0;
	*as = p + 2;
	return n;
}

/* The gazetteer's org at the start of the name, if any: its id wins. */
static const char *known_id(const struct found *f, const struct assay_mention *m, size_t s,
			    size_t e)
{
	const struct span *sp = overlap(f, s, e);

	/* "BHP Gold Mines Ltd" is not BHP: the gazetteer's name must cover the
	 * whole name before its legal form */
	if (sp && sp->s == s && m[sp->m].type == ASSAY_M_ORG && m[sp->m].end >= e)
		return m[sp->m].id;
	return NULL;
}

/* "Sustainable Mining", "Enhanced Refining": in a heading where most
 * words are capitalised, a capital says nothing about a name. Decided
 * once per line. */
static bool in_title_case(struct found *f, size_t p)
{
	if (p < f->line_s || p >= f->line_e) {
		const char *nl = memchr(f->t + p, '\n', f->len - p);
		size_t a = p, words = 0, caps = 0;
		while (a > 0 && f->t[a - 1] != '\n')
			a--;
		f->line_s = a;
		f->line_e = nl ? (size_t)(nl - f->t) : f->len;
		for (size_t q = a; q < f->line_e; q++)
			if (isalpha((unsigned char)f->t[q]) && (q == a || f->t[q - 1] == ' ')) {
				words++;
				caps += isupper((unsigned char)f->t[q]) != 0;
			}
		f->title_case = words >= 3 && caps * 10 >= words * 7;
	}
	return f->title_case;
}

/* ", a public gold mining company" right after position @p: the name
 * before it is a company's. */
static bool appositive_company(const struct found *f, size_t p)
{
	static const char *const nouns[] = {"company", "firm", "miner", "producer", "subsidiary",
					    "unit", "concern", "explorer", "developer", "smelter",
					    "refiner", "steelmaker", "group", "corporation", NULL};
	size_t q = p, words = 0;

	if (q + 4 >= f->len || f->t[q] != ',' || f->t[q + 1] != ' ')
		return false;
	q += 2;
	if (!strncmp(f->t + q, "a ", 2))
		q += 2;
	else if (!strncmp(f->t + q, "an ", 3))
		q += 3;
	else
		return false;
	while (q < f->len && words < 6) {
		size_t e = q;
		while (e < f->len && (isalnum((unsigned char)f->t[e]) || f->t[e] == '-'))
			e++;
		if (e == q)
			return false;
		for (size_t i = 0; nouns[i]; i++)
			if (e - q == strlen(nouns[i]) && !memcmp(f->t + q, nouns[i], e - q))
				return true;
		if (isupper((unsigned char)f->t[q]) || e >= f->len || f->t[e] != ' ')
			return false;
		q = e + 1;
		words++;
	}
	return false;
}

/* "Nutrien and Mosaic Co": a name the gazetteer knows ends before "and". */
static size_t split_coordination(const struct found *f, const struct assay_mention *m,
				 const struct word *w, size_t n)
{
	for (size_t k = 1; k + 1 < n; k++) {
		const struct span *sp;
		if (!(w[k].roles & R_CONNECTOR) || f->t[w[k].s] == 'o' || f->t[w[k].s] == 'd')
			continue; /* "and", "&", "y": not "of", "de" */
		sp = overlap(f, w[k - 1].s, w[k - 1].e);
		if (sp && m[sp->m].type == ASSAY_M_ORG && sp->e == w[k - 1].e)
			return k;
		/* "Forum Energy Metals and Global Uranium": two names, each with
		 * its head; "Hudson Bay Mining and Smelting Co" is one */
		size_t heads = 0, words = 0;
		for (size_t j = k + 1; j < n && !(w[j].roles & R_CONNECTOR); j++) {
			words++;
			heads += (w[j].roles & (R_HEAD | R_DESIGNATOR)) != 0;
		}
		if ((w[k - 1].roles & (R_HEAD | R_DESIGNATOR)) && heads && words >= 2 &&
		    !(w[k + 1].roles & (R_HEAD | R_DESIGNATOR)))
			return k;
	}
	return n;
}

/* "AMAX said", "BHP says": a capitalised acronym that speaks is an
 * organisation (a person has a name of two words, and a title). */
static bool speaking_acronym(const struct found *f, const struct word *w, size_t n)
{
	static const char *const verbs[] = {" said", " says", " reported", " announced",
					    " added", NULL};
	size_t letters = 0;

	if (n != 1 || w[0].lower || w[0].roles || overlap(f, w[0].s, w[0].e))
		return false;
	for (size_t p = w[0].s; p < w[0].e; p++) {
		if (!isupper((unsigned char)f->t[p]) && f->t[p] != '&')
			return false;
		letters++;
	}
	if (letters < 3 || letters > 6)
		return false;
	for (size_t i = 0; verbs[i]; i++) {
		size_t k = strlen(verbs[i]);
		if (w[0].e + k <= f->len && !memcmp(f->t + w[0].e, verbs[i], k))
			return true;
	}
	return false;
}

/* One run of capitalised words w[0..n): the organisations it names. */
/* A site noun in lower case right after @e ("Atsutla Gold project"). */
static bool site_follows(const struct found *f, size_t e)
{
	size_t p = e, q;
	char cap[16];

	if (p >= f->len || f->t[p] != ' ')
		return false;
	p++;
	for (q = p; q < f->len && q - p < sizeof cap - 1 && ascii_lower((unsigned char)f->t[q]); q++)
		cap[q - p] = f->t[q];
	if (q == p || q - p >= sizeof cap - 1 || (q < f->len && isalpha((unsigned char)f->t[q])))
		return false;
	cap[q - p] = '\0';
	cap[0] = (char)toupper((unsigned char)cap[0]);
	return (roles_of(cap, q - p) & R_SITE) != 0;
}

/* "the Estelle Gold and Critical Minerals Project": a site word closes a
 * coordination of capitalised words after @e. */
static bool coordinated_site(const struct found *f, size_t e)
{
	size_t p = e, next;
	struct word w;

	if (p + 5 >= f->len || memcmp(f->t + p, " and ", 5))
		return false;
	p += 5;
	for (int k = 0; k < 4 && p < f->len; k++) {
		scan_word(f->t, f->len, p, &w, &next);
		if (!w.cap || w.e == w.s)
			return false;
		if (w.roles & R_SITE)
			return true;
		if (next >= f->len || f->t[next] != ' ')
			return false;
		p = next + 1;
	}
	return false;
}

/* A short capitalised function word inside the run ("On", "The", "For"):
 * the run is a headline in title case, not a name. */
static bool title_words(const struct word *w, size_t a, size_t n)
{
	for (size_t k = a + 1; k < n; k++)
		if ((w[k].roles & R_NONNAME) && w[k].cap && w[k].e - w[k].s <= 4 &&
		    !(w[k].roles & (R_HEAD | R_DESIGNATOR | R_BODY)))
			return true;
	return false;
}

/* "Western Mining Corp Holdings Ltd": a name from word @a to its first
 * designator @b is one company, however many designators follow. Returns
 * the word after the name. */
static size_t designated_org(struct found *f, const struct assay_mention *m,
			     const struct word *w, size_t a, size_t b, size_t n)
{
	size_t end = b;

	while (end + 1 < n && (w[end + 1].roles & (R_DESIGNATOR | R_HEAD)) &&
	       (w[end + 1].roles & R_DESIGNATOR || (end + 2 < n &&
						    (w[end + 2].roles & R_DESIGNATOR))))
		end++;
	size_t core = w[b - 1].e, s = w[a].s;
	size_t as = 0, an = acronym_after(f->t, f->len, ticker_end(f, w[end].e), &as);
	const char *id = known_id(f, m, s, core);
	char acr[48] = "";
	if (!id && an) {
		slug(f->t + as, an, acr, &f->rc);
		id = acr;
	}
	if (!(w[b - 1].roles & R_CONNECTOR))
		add_org(f, s, ticker_end(f, w[end].e), core, id, "company", as, an);
	return end + 1;
}

/* "Chatree Gold Mine", "the Atsutla Gold project": a name whose head is
 * followed by a site word names a place, not a body. */
static bool names_a_site(struct found *f, const struct word *w, size_t head, size_t n)
{
	for (size_t k = head + 1; head != (size_t)-1 && k < n; k++)
		if ((w[k].roles & R_SITE) && !(w[head].roles & R_BODY))
			return true;
	return head == n - 1 && !(w[head].roles & R_BODY) &&
	       (site_follows(f, w[n - 1].e) || coordinated_site(f, w[n - 1].e));
}

/* "Bureau of Metal Statistics", "Union of Mineworkers": a body's name
 * goes on through "of" and the words after it. Returns its last word. */
static size_t body_end(const struct found *f, const struct word *w, size_t end, size_t n)
{
	if (end + 2 < n && f->t[w[end + 1].s] == 'o' && (w[end + 1].roles & R_CONNECTOR) &&
	    !(w[end + 2].roles & (R_CONNECTOR | R_NONNAME))) {
		end += 2;
		while (end + 1 < n && !(w[end + 1].roles & (R_CONNECTOR | R_NONNAME | R_BODY)))
			end++;
	}
	return end;
}

/* "the U.S. Mint", "Japan's Finance Ministry": a body word alone is the
 * body of the country named just before it. */
static void country_body(struct found *f, const struct assay_mention *m, const struct word *w,
			 size_t a)
{
	size_t i = taken_from(f, w[a].s > 1 ? w[a].s - 2 : 0);
	const struct span *sp = i < f->ntaken ? &f->taken[i] : NULL;

	if (sp && sp->e + 1 == w[a].s && m[sp->m].type == ASSAY_M_COUNTRY &&
	    strcmp(m[sp->m].form, "demonym")) {
		size_t before = f->norg;
		add_org(f, sp->s, w[a].e, w[a].e, NULL, "agency", 0, 0);
		if (f->norg > before)
			f->org[f->norg - 1].gov = (w[a].roles & R_GOV) != 0;
	}
}

/* "Measured and Indicated Mineral Resources", "Underground Mineral
 * Resources": a capitalised run of the trade's own terms names a
 * category of ore, not a company. */
static bool trade_term(const struct word *w, size_t a, size_t end)
{
	bool term = false;

	for (size_t k = a; k <= end; k++) {
		if (w[k].roles & R_TERM)
			term = true;
		else if (!(w[k].roles & (R_CONNECTOR | R_HEAD)))
			return end > a && (w[end - 1].roles & R_TERM); /* "Caserones Mineral Resources" */
	}
	return term;
}

/* A name with no designator, from word @a: named by its last head or
 * body word @head ("Teles Pires Mining", "Ministry of Mines"), by an
 * acronym defined after it, or as a company by an apposition. */
static void headed_org(struct found *f, const struct assay_mention *m, const struct word *w,
		       size_t a, size_t head, size_t n)
{
	const char *kind = "company";
	size_t as = 0, an = acronym_after(f->t, f->len, w[n - 1].e, &as);

	if (head == (size_t)-1 && !an && appositive_company(f, w[n - 1].e) &&
	    !overlap(f, w[a].s, w[n - 1].e) && !in_title_case(f, w[a].s)) {
		/* "CMP, a public gold mining company", "Novo Astro, a private
		 * company" */
		add_org(f, w[a].s, w[n - 1].e, w[n - 1].e, NULL, "company", 0, 0);
		return;
	}
	if (names_a_site(f, w, head, n))
		return;
	if (head == (size_t)-1 || in_title_case(f, w[a].s))
		return; /* "Memorandum of Understanding (MOU)" names no body */
	size_t end = an ? n - 1 : head;
	bool gov = false;
	for (size_t k = a; !an && k <= head; k++)
		gov |= (w[k].roles & R_GOV) != 0; /* "Ministry of Mines" */
	if (!an && (w[head].roles & R_BODY)) {
		kind = "agency";
		end = body_end(f, w, end, n);
	}
	while (end > a && (w[end].roles & R_CONNECTOR))
		end--;
	if (end == a && !an && (w[a].roles & R_BODY) && a == 0) {
		country_body(f, m, w, a);
		return;
	}
	if (end == a && !an)
		return; /* a head alone: "Mining", "Gold" */
	if (!an && trade_term(w, a, end))
		return;
	const struct span *known = end == a + 1 ? overlap(f, w[a].s, w[a].e) : NULL;
	if (!an && known && known->m >= 0 && m[known->m].type == ASSAY_M_ORG &&
	    (w[end].roles & R_GENERIC))
		return; /* "MCX Gold", "Comex Copper": a known name and its metal */
	const char *id = known_id(f, m, w[a].s, w[end].e);
	char acr[48] = "";
	if (id)
		return; /* "United Nations Security Council": the gazetteer's name stands */
	if (an) {
		slug(f->t + as, an, acr, &f->rc);
		id = acr;
		kind = (w[end].roles & R_HEAD) ? "company" : "agency";
	}
	if (an && end - a < 1)
		return;
	size_t before = f->norg;
	add_org(f, w[a].s, w[end].e, w[end].e, id, kind, as, an);
	if (f->norg > before)
		f->org[f->norg - 1].gov = gov;
}

static void run_orgs(struct found *f, const struct assay_mention *m, struct word *w, size_t n)
{
	size_t a = 0, cut = split_coordination(f, m, w, n);

	if (speaking_acronym(f, w, n)) {
		add_org(f, w[0].s, w[0].e, w[0].e, NULL, "company", w[0].s, w[0].e - w[0].s);
		return;
	}
	if (shouting(w, n))
		return;
	if (cut < n) {
		run_orgs(f, m, w, cut);
		run_orgs(f, m, w + cut + 1, n - cut - 1);
		return;
	}
	while (a < n) {
		size_t b, head = (size_t)-1;

		while (a < n && (w[a].roles & (R_NONNAME | R_CONNECTOR) || !w[a].cap))
			a++; /* "Shares of Inco Ltd" */
		if (a >= n)
			return;
		/* the first designator, or else the last head or body */
		if (w[a].roles & R_BODY)
			head = a; /* "Association of Tin Producing Countries" */
		if (title_words(w, a, n))
			return; /* "Potential Play On The Lithium": a headline */
		for (b = a + 1; b < n; b++) {
			if (w[b].roles & R_DESIGNATOR)
				break;
			if (w[b].roles & (R_HEAD | R_BODY))
				head = b;
		}
		if (b < n) {
			a = designated_org(f, m, w, a, b, n);
			continue;
		}
		headed_org(f, m, w, a, head, n);
		return;
	}
}

/* "<Ryoka Light Metal Industries Ltd>": the wire's markup of a company;
 * "<NLGT.T>", a ticker, is not a name. */
static void markup_org(struct found *f, const struct assay_mention *m, size_t lt, size_t gt)
{
	size_t s = lt + 1, e = gt, core = s;
	bool lower = false;
	struct word w;

	for (size_t i = s; i < e; i++)
		lower |= islower((unsigned char)f->t[i]) != 0;
	if (!lower || e <= s || !upper_at(f->t, f->len, s))
		return;
	for (size_t p = s, next; p < e; p = next) {
		if (!word_byte((unsigned char)f->t[p]) || strchr(".-'/&", f->t[p])) {
			next = p + 1;
			continue;
		}
		scan_word(f->t, e, p, &w, &next);
		if (!(w.roles & R_DESIGNATOR) || w.s == s)
			core = w.e; /* the name ends at its last word before the legal form */
	}
	/* the brackets are part of the mention: "<Ryoka ... Ltd>, which" */
	size_t before = f->norg, as = 0;
	size_t an = acronym_after(f->t, f->len, ticker_end(f, gt + 1), &as); /* "(BHPGM)" */
	add_org(f, s, ticker_end(f, gt + 1), core, known_id(f, m, s, core), "company", as, an);
	if (f->norg > before)
		f->org[f->norg - 1].s = lt;
}

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* The mentions found so far, as sorted spans (blockers count). */
static int take_spans(struct found *f, const struct mvec *mv)
{
	f->taken = malloc((mv->n + 1) * sizeof *f->taken);
	if (!f->taken)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < mv->n; i++)
		f->taken[f->ntaken++] = (struct span){mv->v[i].start, mv->v[i].end, (int)i};
	qsort(f->taken, f->ntaken, sizeof *f->taken, cmp_span);
	/* nested or overlapping spans: keep each one's end monotone for the search */
	for (size_t i = 1; i < f->ntaken; i++)
		if (f->taken[i].e < f->taken[i - 1].e)
			f->taken[i].e = f->taken[i - 1].e;
	return ASSAY_OK;
}

static int push_org(struct mvec *out, const struct org *o)
{
	struct assay_mention m;

	memset(&m, 0, sizeof m);
	m.type = ASSAY_M_ORG;
	m.start = o->s;
	m.end = o->e;
	assay_copy(m.id, sizeof m.id, o->id);
	assay_copy(m.kind, sizeof m.kind, o->kind);
	if (o->gov)
		assay_copy(m.form, sizeof m.form, "government");
	return recog_mvec_push(out, &m);
}

/* Later mentions by a short form: "Nippon", "Asarco", "ATPC". */
static int find_forms(struct found *f, struct mvec *out)
{
	size_t oi = 0;

	if (!f->nform)
		return ASSAY_OK;
	for (size_t p = 0, next; p < f->len; p = next) {
		struct word w;
		unsigned char c = (unsigned char)f->t[p];
		if (!word_byte(c) || c == '.' || c == '-' || c == '\'' || c == '&' || c == '/') {
			next = p + 1;
			continue;
		}
		if (c < 0x80 && !isupper(c) && !isdigit(c)) { /* a form starts with a capital */
			for (next = p + 1; next < f->len && word_byte((unsigned char)f->t[next]); next++)
				;
			continue;
		}
		scan_word(f->t, f->len, p, &w, &next);
		if (!w.cap)
			continue;
		while (oi < f->norg && f->org[oi].e <= w.s)
			oi++;
		if (oi < f->norg && f->org[oi].s <= w.s)
			continue; /* inside a name found already */
		uint64_t h = assay_hash64(f->t + w.s, w.e - w.s, 0);
		for (size_t i = 0; i < f->nform; i++) {
			const struct form *fm = &f->form[i];
			size_t e = w.s + fm->n;
			if (fm->h != h || fm->org < 0 || e > f->len ||
			    memcmp(f->t + fm->s, f->t + w.s, fm->n) ||
			    (e < f->len && isalnum((unsigned char)f->t[e])))
				continue;
			const struct span *sp = overlap(f, w.s, e);
			if (sp && !(out->v[sp->m].type == ASSAY_M_COUNTRY && sp->s == w.s && sp->e < e))
				break; /* the gazetteer's mention stands */
			struct org o = f->org[fm->org];
			o.s = w.s;
			o.e = e;
			if (push_org(out, &o))
				return ASSAY_ENOMEM;
			next = e;
			break;
		}
	}
	return ASSAY_OK;
}

static int cmp_org(const void *a, const void *b)
{
	const struct org *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* The names found, in text order, into @out; an overlapped one is left
 * out. */
static int push_orgs(struct found *f, struct mvec *out)
{
	int rc = ASSAY_OK;

	qsort(f->org, f->norg, sizeof *f->org, cmp_org);
	for (size_t i = 0; i < f->norg && rc == ASSAY_OK; i++) {
		const struct span *sp = overlap(f, f->org[i].s, f->org[i].e);
		/* a name of the gazetteer's that the form only extends keeps its place */
		if (sp && sp->s < f->org[i].s)
			continue;
		if (i && f->org[i].s < f->org[i - 1].e)
			continue;
		rc = push_org(out, &f->org[i]);
	}
	return rc;
}

int cl_find_orgs(const char *t, size_t len, struct mvec *out)
{
	struct found *f = malloc(sizeof *f);
	struct word run[32];
	size_t nrun = 0;
	int rc;

	if (!f)
		return ASSAY_ENOMEM;
	memset(f, 0, offsetof(struct found, org));
	f->t = t;
	f->len = len;
	rc = take_spans(f, out);
	for (size_t p = 0, next; rc == ASSAY_OK && p <= len; p = next) {
		unsigned char c = p < len ? (unsigned char)t[p] : 0;
		bool isword = p < len && word_bytes[c] == WB_WORD &&
			      !(c == '&' && !(nrun && p + 1 < len && t[p + 1] == ' '));
		if (c == '<') {
			const char *gt = memchr(t + p, '>', len - p < 80 ? len - p : 80);
			if (gt && !memchr(t + p, '\n', (size_t)(gt - (t + p))))
				markup_org(f, out->v, p, (size_t)(gt - t));
		}
		if (!isword) {
			next = p + 1;
			continue;
		}
		if (!nrun && c >= 'a' && c <= 'z') { /* most words: no name starts here */
			for (next = p + 1; next < len && word_byte((unsigned char)t[next]); next++)
				;
			continue;
		}
		if (c >= 'a' && c <= 'z') { /* after a name: joins it only as a connector ("of") */
			size_t q = p;
			while (q < len && word_byte((unsigned char)t[q]))
				q++;
			next = q;
			while (q > p && (word_bytes[(unsigned char)t[q - 1]] & WB_PUNCT))
				q--; /* as scan_word() */
			if (!(roles_of(t + p, q - p) & R_CONNECTOR)) {
				run_orgs(f, out->v, run, nrun);
				nrun = 0;
				continue;
			}
		}
		struct word w;
		scan_word(t, len, p, &w, &next);
		bool joins = (w.cap || (w.roles & R_CONNECTOR)) && !w.poss;
		if (joins && nrun < sizeof run / sizeof run[0])
			run[nrun++] = w;
		if (!joins || w.gap || nrun == sizeof run / sizeof run[0]) {
			if (nrun)
				run_orgs(f, out->v, run, nrun);
			nrun = 0;
		}
	}
	if (rc == ASSAY_OK)
		rc = push_orgs(f, out);
	if (rc == ASSAY_OK)
		rc = f->rc;
	if (rc == ASSAY_OK)
		rc = find_forms(f, out);
	free(f->taken);
	free(f);
	return rc;
}
