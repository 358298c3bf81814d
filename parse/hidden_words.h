/* hidden_words.h - whole class tokens that hide an element. Data only
 * (included by hints.c); compared to whole space-separated tokens. */
static const char *const hidden_tokens[] = {
	"hidden", "hide", "d-none", "sr-only", "screen-reader-text",
	"visually-hidden", "visuallyhidden", "invisible", "is-hidden",
};
