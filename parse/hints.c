/* hints.c - what an element's class, id, style and attributes say about it.
 *
 * Names are lower-cased into a bounded stack buffer and searched for the
 * word tables (parse/data, compiled into hint_words.h); no
 * allocation, and attribute values are read in place from the tree. */
#include <ctype.h>
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

/* Is any of @words in @s? Names are looked up for every element, so one
 * pass over the short name first notes which letter pairs it holds (in
 * 256 bits); a word whose first pair is not among them is not searched
 * for, which spares most strstr() calls. */
#define PAIR(a, b) ((((unsigned)(a) * 31u) ^ (unsigned)(b)) & 255u)
static bool has_any(const char *s, const char *const *words, size_t n)
{
	uint64_t seen[4] = {0};

	for (const unsigned char *p = (const unsigned char *)s; p[0] && p[1]; p++) {
		unsigned h = PAIR(p[0], p[1]);

		seen[h >> 6] |= 1ull << (h & 63);
	}
	for (size_t i = 0; i < n; i++) {
		const unsigned char *w = (const unsigned char *)words[i];
		unsigned h = PAIR(w[0], w[1]);

		if (w[1] && !(seen[h >> 6] & 1ull << (h & 63)))
			continue;
		if (strstr(s, words[i]))
			return true;
	}
	return false;
}

static bool token_in(const char *tok, size_t len, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (words[i][0] == tok[0] && strlen(words[i]) == len && memcmp(tok, words[i], len) == 0)
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

static int name_hint(const char *raw, bool *caption)
{
	char s[NAME_MAX_BYTES];
	int w = 0;

	if (!raw || !*raw)
		return 0;
	lower_copy(s, sizeof s, raw);
	if (any_token(s, post_tokens, COUNT(post_tokens)))
		return 1; /* a blog post, whatever its category and tag slugs say */
	if (has_any(s, neutral_words, COUNT(neutral_words)))
		return 0;
	if (has_any(s, caption_words, COUNT(caption_words))) {
		*caption = true;
		return 0;
	}
	/* furniture wins: "related-posts" is not a post */
	if (has_any(s, furniture_words, COUNT(furniture_words)) ||
	    any_segment(s, furniture_segments, COUNT(furniture_segments)))
		w = -1;
	else if (has_any(s, content_words, COUNT(content_words)) ||
		 any_segment(s, content_segments, COUNT(content_segments)))
		w = 1;
	return w;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h | 1; /* never 0, the empty slot */
}

static int cached_hint(struct hint_cache *hc, const char *cls, bool *caption)
{
	uint64_t h;
	size_t slot;

	if (!cls || !*cls)
		return 0;
	h = fnv1a(cls);
	slot = (size_t)(h % HINT_CACHE);
	if (hc->key[slot] != h) {
		bool cap = false;

		hc->key[slot] = h;
		hc->hint[slot] = (int8_t)name_hint(cls, &cap);
		hc->caption[slot] = cap;
	}
	*caption |= hc->caption[slot];
	return hc->hint[slot];
}

int parse_class_hint(struct hint_cache *hc, const char *cls, const char *id, bool *caption)
{
	*caption = false;
	return cached_hint(hc, cls, caption) + name_hint(id, caption);
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

bool parse_is_hidden(xmlNode *n)
{
	const char *v;
	char s[NAME_MAX_BYTES];

	if (parse_attr(n, "hidden"))
		return true;
	if ((v = parse_attr(n, "aria-hidden")) && strcmp(v, "true") == 0)
		return true;
	if ((v = parse_attr(n, "style")) && style_hides(v))
		return true;
	/* Tailwind's "hidden lg:block" is shown on a desktop: a class list with
	 * responsive variants says nothing certain about visibility */
	if ((v = parse_attr(n, "class")) && !strchr(v, ':')) {
		lower_copy(s, sizeof s, v);
		if (any_token(s, hidden_tokens, COUNT(hidden_tokens)))
			return true;
	}
	return false;
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
