/* hints.c - what an element's class, id, style and attributes say about it.
 *
 * Names are lower-cased into a bounded stack buffer and searched for the
 * word tables (parse/data, compiled into hint_words.h) in one pass; no
 * allocation, and attribute values are read in place from the tree, all
 * in one pass over an element's attributes. What a class says (hint,
 * caption, hidden) is worked out once per page and cached. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "hint_words.h"

#define NAME_MAX_BYTES 256
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *parse_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

static size_t lower_copy(char *dst, size_t cap, const char *src)
{
	size_t i = 0;

	for (; src[i] && i + 1 < cap; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[i] = '\0';
	return i;
}

/* The substring lists (neutral, caption, furniture, content and
 * ingredient words) are
 * searched in one pass over a name: the words are indexed by a hash of
 * their first two letters, built once (pthread_once), and at each place
 * of the name only the words of its letter pair are compared. The answer
 * is which lists have a word in the name: what strstr() over each list
 * would say, without walking the lists. */
#define PAIR(a, b) ((((unsigned)(a) * 31u) ^ (unsigned)(b)) & 255u)
enum { L_NEUTRAL = 1, L_CAPTION = 2, L_FURN = 4, L_CONTENT = 8, L_INGREDIENTS = 16 };
#define NWORDS (COUNT(neutral_words) + COUNT(caption_words) + COUNT(furniture_words) + \
		COUNT(content_words) + COUNT(ingredient_words))

struct pair_word {
	const char *w;
	size_t len;
	unsigned list;
	int next; /* next word of the same pair, -1 ends */
};

static struct pair_word pair_words[NWORDS];
static int pair_head[256];
static unsigned short_lists; /* lists holding a word of under two bytes */
static pthread_once_t pair_once = PTHREAD_ONCE_INIT;

static void index_list(size_t *k, const char *const *words, size_t n, unsigned list)
{
	for (size_t i = 0; i < n; i++) {
		const unsigned char *w = (const unsigned char *)words[i];
		struct pair_word *pw = &pair_words[(*k)++];
		unsigned h;

		pw->w = words[i];
		pw->len = strlen(words[i]);
		pw->list = list;
		pw->next = -1;
		if (pw->len < 2) { /* "" is in every name; one letter, by strchr */
			short_lists |= list;
			continue;
		}
		h = PAIR(w[0], w[1]);
		pw->next = pair_head[h];
		pair_head[h] = (int)(pw - pair_words);
	}
}

static void build_pairs(void)
{
	size_t k = 0;

	for (size_t h = 0; h < 256; h++)
		pair_head[h] = -1;
	index_list(&k, neutral_words, COUNT(neutral_words), L_NEUTRAL);
	index_list(&k, caption_words, COUNT(caption_words), L_CAPTION);
	index_list(&k, furniture_words, COUNT(furniture_words), L_FURN);
	index_list(&k, content_words, COUNT(content_words), L_CONTENT);
	index_list(&k, ingredient_words, COUNT(ingredient_words), L_INGREDIENTS);
}

/* Which lists have a word somewhere in @s (L_* bits). */
static unsigned lists_in(const char *s)
{
	unsigned found = 0;

	pthread_once(&pair_once, build_pairs);
	if (short_lists) {
		for (size_t i = 0; i < NWORDS; i++) {
			const struct pair_word *pw = &pair_words[i];

			if (pw->len < 2 && (!pw->len || strchr(s, pw->w[0])))
				found |= pw->list;
		}
	}
	for (const unsigned char *p = (const unsigned char *)s; p[0] && p[1]; p++)
		for (int i = pair_head[PAIR(p[0], p[1])]; i >= 0; i = pair_words[i].next)
			if (!(found & pair_words[i].list) && p[0] == (unsigned char)pair_words[i].w[0] &&
			    p[1] == (unsigned char)pair_words[i].w[1] &&
			    strncmp((const char *)p + 2, pair_words[i].w + 2, pair_words[i].len - 2) == 0)
				found |= pair_words[i].list;
	return found;
}

static bool token_in(const char *tok, size_t len, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (words[i][0] == tok[0] && strncmp(tok, words[i], len) == 0 && !words[i][len])
			return true;
	return false;
}

/* Calls the token test on each whitespace-separated token of @s. */
static bool any_token(const char *s, const char *const *words, size_t n)
{
	while (*s) {
		size_t len;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		len = strcspn(s, " \t\r\n");
		if (len && token_in(s, len, words, n))
			return true;
		s += len;
	}
	return false;
}

/* Is any segment of @s (split at anything but letters and digits) a word
 * of @words? */
static bool any_segment(const char *s, const char *const *words, size_t n)
{
	while (*s) {
		size_t len;

		while (*s && !isalnum((unsigned char)*s))
			s++;
		len = 0;
		while (isalnum((unsigned char)s[len]))
			len++;
		if (len && token_in(s, len, words, n))
			return true;
		s += len;
	}
	return false;
}

/* The hint of a lower-cased name @s. */
/* Is the token @t (@n bytes) one of the whitespace-separated tokens of @s? */
static bool has_token(const char *s, const char *t, size_t n)
{
	while (*s) {
		size_t len;

		s += strspn(s, " \t\r\n");
		len = strcspn(s, " \t\r\n");
		if (len == n && memcmp(s, t, n) == 0)
			return true;
		s += len;
	}
	return false;
}

/* @all without the BEM variants that name an ad slot: a token
 * "block--ads" whose block is a token of its own. "section section--ads"
 * is a section of the story with an ad slot in it, not an ad: what a box
 * is, its block says; the ad inside is judged on its own. */
static void drop_ad_slots(const char *all, char *out)
{
	const char *s = all;
	char *o = out;

	while (*s) {
		const char *t = s + strspn(s, " \t\r\n"), *mod;
		size_t len = strcspn(t, " \t\r\n");
		bool slot = false;

		mod = len > 2 ? strstr(t, "--") : NULL;
		if (mod && mod > t && mod + 2 < t + len)
			slot = token_in(mod + 2, (size_t)(t + len - mod - 2), ad_slot_words, COUNT(ad_slot_words)) &&
			       has_token(all, t, (size_t)(mod - t));
		if (len && !slot) {
			if (o > out)
				*o++ = ' ';
			memcpy(o, t, len);
			o += len;
		}
		s = t + len;
	}
	*o = '\0';
}

static int lower_hint(const char *raw, unsigned *marks)
{
	char s[NAME_MAX_BYTES];
	unsigned lists;

	if (any_token(raw, post_tokens, COUNT(post_tokens)))
		return 1; /* a blog post, whatever its category and tag slugs say */
	drop_ad_slots(raw, s);
	lists = lists_in(s);
	if (lists & L_INGREDIENTS)
		*marks |= HINT_INGREDIENTS;
	if (lists & L_NEUTRAL)
		return 0;
	if (lists & L_CAPTION) {
		*marks |= HINT_CAPTION;
		return 0;
	}
	/* furniture wins: "related-posts" is not a post */
	if ((lists & L_FURN) || any_segment(s, furniture_segments, COUNT(furniture_segments)))
		return -1;
	if ((lists & L_CONTENT) || any_segment(s, content_segments, COUNT(content_segments)))
		return 1;
	return 0;
}

static int name_hint(const char *raw, unsigned *marks)
{
	char s[NAME_MAX_BYTES];

	if (!raw || !*raw)
		return 0;
	lower_copy(s, sizeof s, raw);
	return lower_hint(s, marks);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h | 1; /* never 0, the empty slot */
}

/* The cache's slot for class @cls, worked out on a miss: its hint, what
 * it marks (caption, ingredients), whether it hides the element. */
static size_t class_slot(struct hint_cache *hc, const char *cls)
{
	uint64_t h = fnv1a(cls);
	size_t slot = (size_t)(h % HINT_CACHE);

	if (hc->key[slot] != h) {
		char s[NAME_MAX_BYTES];
		unsigned marks = 0;

		lower_copy(s, sizeof s, cls);
		hc->key[slot] = h;
		hc->hint[slot] = (int8_t)lower_hint(s, &marks);
		hc->marks[slot] = (uint8_t)marks;
		/* Tailwind's "hidden lg:block" is shown on a desktop: a class list
		 * with responsive variants says nothing certain about visibility */
		hc->hidden[slot] = !strchr(cls, ':') && any_token(s, hidden_tokens, COUNT(hidden_tokens));
	}
	return slot;
}

int parse_class_hint(struct hint_cache *hc, const char *cls, const char *id, unsigned *marks)
{
	int hint = 0;

	*marks = 0;
	if (cls && *cls) {
		size_t slot = class_slot(hc, cls);

		hint = hc->hint[slot];
		*marks = hc->marks[slot];
	}
	return hint + name_hint(id, marks);
}

void parse_read_attrs(const xmlNode *n, struct node_attrs *out)
{
	memset(out, 0, sizeof *out);
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name, **slot = NULL;
		const char *v = "";

		switch (name[0]) {
		case 'c':
			if (strcmp(name, "class") == 0)
				slot = &out->cls;
			break;
		case 'i':
			if (strcmp(name, "id") == 0)
				slot = &out->id;
			else if (strcmp(name, "itemprop") == 0)
				slot = &out->itemprop;
			break;
		case 's':
			if (strcmp(name, "style") == 0)
				slot = &out->style;
			break;
		case 'h':
			if (strcmp(name, "hidden") == 0)
				slot = &out->hidden;
			break;
		case 'a':
			if (strcmp(name, "aria-hidden") == 0)
				slot = &out->aria_hidden;
			break;
		case 'r':
			if (strcmp(name, "rel") == 0)
				slot = &out->rel;
			break;
		default:
			break;
		}
		if (!slot || *slot)
			continue; /* the first of a repeated name counts, as in parse_attr */
		if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			v = (const char *)a->children->content;
		*slot = v;
	}
}

static bool style_hides(const char *st)
{
	char s[NAME_MAX_BYTES];
	char *p = s, *q = s;

	lower_copy(s, sizeof s, st);
	for (; *p; p++) /* drop spaces so "display : none" matches */
		if (*p != ' ' && *p != '\t')
			*q++ = *p;
	*q = '\0';
	return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

bool parse_is_hidden(struct hint_cache *hc, const struct node_attrs *a)
{
	if (a->hidden)
		return true;
	if (a->aria_hidden && strcmp(a->aria_hidden, "true") == 0)
		return true;
	if (a->style && style_hides(a->style))
		return true;
	return a->cls && *a->cls && hc->hidden[class_slot(hc, a->cls)];
}

bool parse_is_lead(const xmlNode *n)
{
	const char *v[2] = {parse_attr(n, "class"), parse_attr(n, "id")};
	char s[NAME_MAX_BYTES];

	for (int i = 0; i < 2; i++) {
		if (!v[i] || !*v[i])
			continue;
		lower_copy(s, sizeof s, v[i]);
		if (any_segment(s, lead_segments, COUNT(lead_segments)))
			return true;
	}
	return false;
}

