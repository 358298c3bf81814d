/* gazetteer.c - countries, organisations and commodities by name.
 *
 * Every alias of the merged gazetteer (data.c) is matched by a few
 * JIT-compiled PCRE2 patterns, each a case-insensitive trie of the aliases
 * starting with some letters (built by gen_data.py), so the longest alias
 * at a position wins: "China Minmetals" (an org) beats "China" (a country)
 * inside it. Patterns are anchored and tried only at word starts whose
 * first word (up to six letters) is the first word of some alias (a hash
 * set), with the one pattern holding that first letter: most words cost
 * one probe. A match is then
 * folded (utf8proc) to its key and looked up in a hash table; the entry's
 * case rule (acronyms exact: "US" is not "us"; names capitalised: "Turkey"
 * is not "turkey") and its guards (guards.tsv: Georgia the state, Jordan
 * the person...) decide. Blockers ("New Mexico") consume their span and
 * yield nothing. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "assay.h"
#include "log.h"
#include "map.h"
#include "recog.h"
#include "utf8.h"

enum entry_type { E_COUNTRY, E_ORG, E_COMMODITY, E_BLOCK };
enum case_rule { CASE_ANY, CASE_CAPITAL, CASE_EXACT };

struct entry {
	enum entry_type type;
	enum case_rule rule;
	const char *alias, *id, *kind, *home, *form; /* point into blob */
	char *key;     /* folded alias */
	int next;      /* next entry with the same key, -1 */
	int guard;     /* first guard for this key, -1 */
};

struct guard {
	const char *key; /* folded alias */
	char rule;       /* 'l' left, 'r' right, 's' sentence, 'n' need */
	pcre2_code *re;
	int next;        /* next guard for the same key, -1 */
};

static char *blob, *guard_blob;
static struct entry *entries;
static size_t nentries;
static struct assay_map keys; /* key -> its first entry + 1 */
static struct guard *guards;
static size_t nguards;
static pcre2_code **pats;
static size_t npats;
static signed char pat_for[128];  /* ASCII first byte -> pattern, -1 */
static bool *pat_nonascii;        /* patterns with aliases starting non-ASCII */

#define SUFFIX "(\\s*,?\\s+(?:Co\\.,?\\s+Ltd\\.?|Co\\.|Corp\\.?|Corporation|Inc\\.?|Ltd\\.?" \
	"|Limited|plc|S\\.A\\.|SA|AG|N\\.V\\.|NV|ASA|LLC|Holdings)(?!\\w))?"

/* The lookup key of a span: case-folded, curly quotes and dashes made
 * plain, runs of spaces made one space (as gen_data.py's norm()).
 * Returns a new string (free() it), NULL on ENOMEM. */
static char *norm_key(const char *s, size_t n)
{
	utf8proc_uint8_t *folded = NULL;
	char *out;
	size_t j = 0;
	bool ascii = true;

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
	if (!ascii) {
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
						  &folded, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
								   UTF8PROC_STABLE);

		if (r == UTF8PROC_ERROR_NOMEM)
			return NULL;
		if (r >= 0) { /* invalid UTF-8 is kept as it is: it matches no key */
			s = (const char *)folded;
			n = strlen(s);
		}
	}
	out = malloc(n + 1);
	if (!out)
		goto done;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			while (i + 1 < n && isspace((unsigned char)s[i + 1]))
				i++;
			out[j++] = ' ';
		} else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
			out[j++] = '\'';
			i += 2;
		} else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x94) {
			out[j++] = '-';
			i += 2;
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			out[j++] = ' ';
			i++;
		} else {
			out[j++] = (char)(ascii ? tolower(c) : c);
		}
	}
	out[j] = '\0';
done:
	free(folded);
	return out;
}

/* The first entry of @key, or -1. */
static int lookup(const char *key)
{
	const size_t *first = assay_map_get(&keys, key, strlen(key));

	return first ? (int)*first - 1 : -1;
}

/* Acronyms and names with capitals inside a word ("MP", "NdFeB") match
 * exactly; names starting with a capital need one in the text. */
static enum case_rule case_rule_of(const char *alias)
{
	bool word_start = true;

	for (const char *p = alias; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isupper(c) && !word_start)
			return CASE_EXACT;
		word_start = !isalnum(c) && c < 0x80 && c != '\'';
	}
	if (isupper((unsigned char)alias[0]) || (unsigned char)alias[0] >= 0x80)
		return CASE_CAPITAL;
	return CASE_ANY;
}

static enum entry_type type_of(const char *s)
{
	if (strcmp(s, "country") == 0)
		return E_COUNTRY;
	if (strcmp(s, "org") == 0)
		return E_ORG;
	if (strcmp(s, "commodity") == 0)
		return E_COMMODITY;
	return E_BLOCK;
}

/* Entries sharing a key are chained in file order, so the first listed
 * (an org before a commodity of the same name) is tried first. */
static int add_entry(char **f)
{
	struct entry *e = &entries[nentries];
	size_t *first;
	int prev;

	e->type = type_of(f[0]);
	e->alias = f[1];
	e->id = f[2];
	e->kind = f[3];
	e->home = f[4];
	e->form = f[5];
	e->rule = case_rule_of(f[1]);
	e->key = norm_key(f[1], strlen(f[1]));
	if (!e->key)
		return ASSAY_ENOMEM;
	e->next = -1;
	e->guard = -1;
	if (assay_map_put(&keys, e->key, strlen(e->key), &first))
		return ASSAY_ENOMEM;
	if (!*first) {
		*first = nentries + 1;
	} else {
		for (prev = (int)*first - 1; entries[prev].next >= 0; prev = entries[prev].next)
			;
		entries[prev].next = (int)nentries;
	}
	nentries++;
	return ASSAY_OK;
}

static int load_entries(void)
{
	size_t lines = 0;
	char *line, *next;

	blob = strdup(assay_data_gazetteer);
	if (!blob)
		return ASSAY_ENOMEM;
	for (const char *p = blob; *p; p++)
		lines += *p == '\n';
	entries = calloc(lines + 1, sizeof *entries);
	if (!entries)
		return ASSAY_ENOMEM;
	for (line = blob; line && *line; line = next) {
		char *f[6] = {"", "", "", "", "", ""};
		int nf = 0;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		for (char *s = line; s && nf < 6;) {
			f[nf++] = s;
			s = strchr(s, '\t');
			if (s)
				*s++ = '\0';
		}
		if (nf >= 3 && add_entry(f) != ASSAY_OK)
			return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

/* Adds one guard line (alias, rule, pattern). An alias "@capital" (or
 * "@demonym") guards every name of that form; those lines are added
 * first (pass 0), when every such entry still has the same guard chain. */
static int add_guard(char *alias, const char *rule, const char *pat, int pass)
{
	struct guard *g = &guards[nguards];
	char *key;
	int e = -1;

	if ((alias[0] == '@') != (pass == 0))
		return ASSAY_OK;
	if (alias[0] != '@') {
		key = norm_key(alias, strlen(alias));
		if (!key)
			return ASSAY_ENOMEM;
		e = lookup(key);
		free(key);
		if (e < 0)
			return ASSAY_OK; /* a guard for a name not in the gazetteer */
	}
	g->rule = rule[0] == 'l' ? 'l' : rule[0] == 'r' ? 'r' : rule[0] == 'n' ? 'n' : 's';
	g->re = recog_rx_compile(pat, 0);
	if (!g->re)
		return ASSAY_EINVAL;
	g->key = e >= 0 ? entries[e].key : alias;
	g->next = -1;
	for (size_t k = 0; k < nentries; k++) {
		struct entry *en = &entries[k];
		if (e >= 0 ? strcmp(en->key, g->key) != 0 : strcmp(en->form, alias + 1) != 0)
			continue;
		g->next = en->guard;
		en->guard = (int)nguards;
	}
	nguards++;
	return ASSAY_OK;
}

static int load_guards(void)
{
	size_t lines = 0;

	guard_blob = strdup(assay_data_guards);
	if (!guard_blob)
		return ASSAY_ENOMEM;
	for (const char *p = guard_blob; *p; p++)
		lines += *p == '\n';
	guards = calloc(lines + 1, sizeof *guards);
	if (!guards)
		return ASSAY_ENOMEM;
	for (char *p = guard_blob; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = '\0'; /* lines become triples of strings */
	for (int pass = 0; pass < 2; pass++) {
		char *line = guard_blob, *end = guard_blob + strlen(assay_data_guards);
		while (line < end) {
			char *rule = line + strlen(line) + 1;
			char *pat = rule < end ? rule + strlen(rule) + 1 : end;
			int rc;
			if (pat >= end)
				break;
			rc = add_guard(line, rule, pat, pass);
			if (rc != ASSAY_OK)
				return rc;
			line = pat + strlen(pat) + 1;
		}
	}
	return ASSAY_OK;
}

/* The prefilter: the first word of every key, as a set. A key's run is
 * its leading ASCII letters and digits (keys are folded: lower case),
 * packed 6 bits a byte with its length, or its first RUN_MAX bytes when
 * longer. At a word start of the text the same run is read and looked up:
 * a key can match there only if its run is the text's (a match's key is
 * the folded text, and the byte after a run is no letter or digit in
 * both). When a non-ASCII byte ends the text's run, folding may change
 * it, and the pattern decides. Most words cost one probe. */
#define RUN_MAX 6

static uint64_t *runs; /* open addressing, 0 = empty */
static size_t runs_mask;

/* 1-36 for an ASCII letter (either case) or digit, 0 otherwise. */
static unsigned char run_codes[256];

static void init_run_codes(void)
{
	for (unsigned c = 0; c < 26; c++)
		run_codes['a' + c] = run_codes['A' + c] = (unsigned char)(1 + c);
	for (unsigned c = 0; c < 10; c++)
		run_codes['0' + c] = (unsigned char)(27 + c);
}

/* The packed run at @s (at most @n bytes); *next_byte is the byte after
 * it (0 at the end). 0 when @s starts with no letter or digit. */
static uint64_t run_at(const char *s, size_t n, unsigned char *next_byte)
{
	uint64_t v = 0;
	size_t r = 0;
	unsigned code;

	while (r < n && r < RUN_MAX && (code = run_codes[(unsigned char)s[r]]) != 0) {
		v = v << 6 | code;
		r++;
	}
	*next_byte = r < n ? (unsigned char)s[r] : 0;
	return r ? v | (uint64_t)r << 6 * RUN_MAX : 0;
}

static size_t run_slot(uint64_t v)
{
	return (size_t)((v * 0x9e3779b97f4a7c15ull) >> 20) & runs_mask;
}

static bool run_known(uint64_t v)
{
	for (size_t i = run_slot(v); runs[i]; i = (i + 1) & runs_mask)
		if (runs[i] == v)
			return true;
	return false;
}

static int build_prefixes(void)
{
	size_t cap = 64;

	init_run_codes();
	while (cap < 2 * nentries)
		cap *= 2;
	runs = calloc(cap, sizeof *runs);
	if (!runs)
		return ASSAY_ENOMEM;
	runs_mask = cap - 1;
	for (size_t i = 0; i < nentries; i++) {
		unsigned char after;
		uint64_t v = run_at(entries[i].key, strlen(entries[i].key), &after);
		if (!v || run_known(v))
			continue;
		size_t k = run_slot(v);
		while (runs[k])
			k = (k + 1) & runs_mask;
		runs[k] = v;
	}
	return ASSAY_OK;
}

/* Whether some alias can start at text[pos] (an ASCII byte of a word). */
static bool prefix_ok(const char *text, size_t len, size_t pos)
{
	unsigned char after;
	uint64_t v = run_at(text + pos, len - pos, &after);

	if (!v || after >= 0x80)
		return true; /* "_", or folding may change the run: the pattern decides */
	return run_known(v);
}

/* Which pattern holds the aliases starting with each character. */
static void map_firsts(size_t i)
{
	for (const unsigned char *p = (const unsigned char *)assay_data_gaz_firsts[i]; *p; p++) {
		if (*p < 0x80) {
			pat_for[*p] = (signed char)i;
			pat_for[toupper(*p)] = (signed char)i;
		} else {
			pat_nonascii[i] = true;
		}
	}
}

static int compile_patterns(void)
{
	size_t n = 0;

	while (assay_data_gaz_patterns[n])
		n++;
	memset(pat_for, -1, sizeof pat_for);
	pats = calloc(n, sizeof *pats);
	pat_nonascii = calloc(n, sizeof *pat_nonascii);
	if (!pats || !pat_nonascii)
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		size_t plen = strlen(assay_data_gaz_patterns[i]);
		char *full = malloc(plen + sizeof SUFFIX + 64);
		if (!full)
			return ASSAY_ENOMEM;
		sprintf(full, "(%s)(?!\\w)" SUFFIX, assay_data_gaz_patterns[i]);
		pats[i] = recog_rx_compile(full, PCRE2_CASELESS | PCRE2_ANCHORED);
		free(full);
		if (!pats[i])
			return ASSAY_EINVAL;
		map_firsts(i);
		npats++;
	}
	return ASSAY_OK;
}

int gaz_init(void)
{
	int rc = load_entries();

	if (rc == ASSAY_OK)
		rc = load_guards();
	if (rc == ASSAY_OK)
		rc = compile_patterns();
	if (rc == ASSAY_OK)
		rc = build_prefixes();
	if (rc != ASSAY_OK)
		gaz_free();
	return rc;
}

void gaz_free(void)
{
	for (size_t i = 0; i < nentries; i++)
		free(entries[i].key);
	for (size_t i = 0; i < nguards; i++)
		pcre2_code_free(guards[i].re);
	for (size_t i = 0; i < npats; i++)
		pcre2_code_free(pats[i]);
	free(entries);
	assay_map_release(&keys);
	free(guards);
	free(pats);
	free(pat_nonascii);
	free(runs);
	pat_nonascii = NULL;
	runs = NULL;
	free(blob);
	free(guard_blob);
	entries = NULL;
	guards = NULL;
	pats = NULL;
	blob = guard_blob = NULL;
	nentries = nguards = npats = 0;
}

static bool case_ok(const struct entry *e, const char *s, size_t n)
{
	switch (e->rule) {
	case CASE_EXACT:
		return strlen(e->alias) == n && memcmp(e->alias, s, n) == 0;
	case CASE_CAPITAL:
		return assay_utf8_upper(s, n);
	default:
		return true;
	}
}

/* Moves @pos back (or forward) to the start of a UTF-8 character. */
static size_t char_start(const char *text, size_t pos)
{
	while (pos > 0 && ((unsigned char)text[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

/* True when the guards of @e let the name at text[s..e) stand. */
static bool guards_ok(const struct entry *en, const char *text, size_t len, size_t s, size_t e,
		      pcre2_match_data *md)
{
	size_t wl = char_start(text, s > 60 ? s - 60 : 0);
	size_t wr = e + 60 < len ? char_start(text, e + 60) : len;
	size_t sl = char_start(text, s > 200 ? s - 200 : 0);
	size_t sr = e + 200 < len ? char_start(text, e + 200) : len;

	for (int g = en->guard; g >= 0; g = guards[g].next) {
		const struct guard *gd = &guards[g];
		bool hit;

		switch (gd->rule) {
		case 'l':
			hit = recog_rx_test(gd->re, text, wl, s, md);
			break;
		case 'r':
			hit = recog_rx_test(gd->re, text, e, wr, md);
			break;
		case 'n':
			hit = !recog_rx_test(gd->re, text, sl, sr, md);
			break;
		default:
			hit = recog_rx_test(gd->re, text, sl, sr, md);
			break;
		}
		if (hit)
			return false;
	}
	return true;
}

static void fill_mention(const struct entry *en, size_t s, size_t e, struct assay_mention *m)
{
	memset(m, 0, sizeof *m);
	m->start = s;
	m->end = e;
	m->type = en->type == E_COUNTRY ? ASSAY_M_COUNTRY :
		  en->type == E_ORG ? ASSAY_M_ORG : ASSAY_M_COMMODITY;
	recog_copy_field(m->id, sizeof m->id, en->id, strlen(en->id));
	recog_copy_field(m->kind, sizeof m->kind, en->kind, strlen(en->kind));
	recog_copy_field(m->home, sizeof m->home, en->home, strlen(en->home));
	recog_copy_field(m->form, sizeof m->form, en->form, strlen(en->form));
}

/* Resolves one pattern match: the first entry for its key whose case rule
 * and guards accept it. Returns 1 and fills @m (type -1 for a blocker)
 * when one does, 0 when none does, ASSAY_ENOMEM (a lost mention must not
 * pass for no mention). */
static int resolve(const char *text, size_t len, size_t s, size_t e, size_t sfx_end,
		   pcre2_match_data *md, struct assay_mention *m, bool *blocked)
{
	char *key = norm_key(text + s, e - s);
	int i;

	*blocked = false;
	if (!key)
		return ASSAY_ENOMEM;
	for (i = lookup(key); i >= 0; i = entries[i].next) {
		const struct entry *en = &entries[i];
		if (strcmp(en->key, key) != 0 || !case_ok(en, text + s, e - s))
			continue;
		if (en->guard >= 0 && !guards_ok(en, text, len, s, e, md))
			continue;
		if (en->type == E_ORG && s >= 2 && text[s - 1] == '-' &&
		    isalpha((unsigned char)text[s - 2]))
			continue; /* "Li-FT": the end of another name, not the FT */
		if (s >= 3 && !memcmp(text + s - 3, "ex-", 3) &&
		    (s == 3 || !isalpha((unsigned char)text[s - 4])))
			continue; /* "world ex-China": everywhere but China */
		if (en->type == E_BLOCK) {
			*blocked = true;
			m->start = s;
			m->end = e;
		} else {
			fill_mention(en, s, en->type == E_ORG && sfx_end > e ? sfx_end : e, m);
		}
		break;
	}
	free(key);
	return i >= 0 ? 1 : 0;
}

/* Tries pattern @re anchored at @pos; on an accepted match pushes it and
 * sets *next past it. Returns ASSAY_OK (matched or not) or ENOMEM. */
static int try_at(const pcre2_code *re, const char *text, size_t len, size_t pos,
		  pcre2_match_data *md, struct mvec *out, bool *hit, size_t *next)
{
	struct assay_mention m;
	PCRE2_SIZE *ov;
	bool blocked;
	size_t e, sfx;
	int rc = recog_rx_next(re, text, len, pos, md);

	*hit = false;
	if (rc == ASSAY_ENOMEM)
		return rc;
	if (rc != ASSAY_OK)
		return ASSAY_OK;
	ov = pcre2_get_ovector_pointer(md);
	e = ov[3];
	sfx = ov[4] != PCRE2_UNSET ? ov[5] : e;
	rc = resolve(text, len, pos, e, sfx, md, &m, &blocked);
	if (rc <= 0)
		return rc; /* no entry (0, ASSAY_OK) or ENOMEM */
	if (blocked)
		m.type = M_BLOCK;
	*hit = true;
	*next = m.end > pos ? m.end : pos + 1;
	return recog_mvec_push(out, &m);
}

/* Tries the patterns that can start at the word start @pos. */
static int try_word(const char *text, size_t len, size_t pos, pcre2_match_data *md,
		    struct mvec *out, bool *hit, size_t *next)
{
	unsigned char c = (unsigned char)text[pos];
	int rc = ASSAY_OK;

	*hit = false;
	if (c < 0x80) {
		if (pat_for[c] < 0 || !prefix_ok(text, len, pos))
			return ASSAY_OK;
		return try_at(pats[pat_for[c]], text, len, pos, md, out, hit, next);
	}
	for (size_t i = 0; i < npats && !*hit && rc == ASSAY_OK; i++)
		if (pat_nonascii[i])
			rc = try_at(pats[i], text, len, pos, md, out, hit, next);
	return rc;
}

int gaz_find(const char *text, size_t len, pcre2_match_data *md, struct mvec *out)
{
	size_t pos = 0;
	bool in_word = false;

	while (pos < len) {
		bool word, hit;
		size_t k, next;
		unsigned char c = (unsigned char)text[pos];

		if (c < 0x80) { /* the common case, without decoding */
			word = is_word_byte(c);
			k = 1;
			if (word && in_word) { /* the rest of its ASCII letters */
				while (++pos < len && (unsigned char)text[pos] < 0x80 &&
				       is_word_byte((unsigned char)text[pos]))
					;
				continue;
			}
		} else {
			k = recog_char_at(text, len, pos, &word);
		}
		if (word && !in_word) {
			int rc = try_word(text, len, pos, md, out, &hit, &next);
			if (rc != ASSAY_OK)
				return rc;
			if (hit) {
				pos = next;
				in_word = next > 0 && (recog_char_at(text, len, char_start(text, next - 1), &word), word);
				continue;
			}
		}
		in_word = word;
		pos += k;
	}
	return ASSAY_OK;
}

const char *gaz_org_home(const char *id)
{
	for (size_t i = 0; i < nentries; i++)
		if (entries[i].type == E_ORG && strcmp(entries[i].id, id) == 0)
			return entries[i].home[0] ? entries[i].home : NULL;
	return NULL;
}

static bool is_subject(const struct entry *e)
{
	return e->type == E_COUNTRY || e->type == E_ORG;
}

/* A country's name is its first entry of form "name" (ISO's, unless the
 * curated list renames it); an org's, its first alias. */
const char *gaz_subject_name(const char *id)
{
	for (size_t i = 0; i < nentries; i++)
		if (is_subject(&entries[i]) && !strcasecmp(entries[i].id, id) &&
		    (entries[i].type == E_ORG || !strcmp(entries[i].form, "name")))
			return entries[i].alias;
	return NULL;
}

/* A name as the text would say it ("the" before a name is allowed), else
 * an id in any case. */
const char *gaz_subject_id(const char *name)
{
	char *key;
	const char *id = NULL;

	if (!strncasecmp(name, "the ", 4))
		name += 4;
	key = norm_key(name, strlen(name));
	if (!key)
		return NULL;
	for (int i = lookup(key); i >= 0 && !id; i = entries[i].next)
		if (is_subject(&entries[i]) && !strcmp(entries[i].key, key))
			id = entries[i].id; /* a bucket chains other keys too */
	free(key);
	for (size_t i = 0; i < nentries && !id; i++)
		if (is_subject(&entries[i]) && !strcasecmp(entries[i].id, name))
			id = entries[i].id;
	return id;
}
