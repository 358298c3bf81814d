/* hidden_words.h - whole class tokens that hide an element or mark an ad.
 * Data only (included by hints.c); compared to whole tokens, lower-cased. */
static const char *const hidden_tokens[] = {
	"hidden", "hide", "d-none", "sr-only", "screen-reader-text",
	"visually-hidden", "visuallyhidden", "invisible", "is-hidden",
};

static const char *const ad_tokens[] = {
	"ad", "ads", "adv", "advert", "ad-unit", "adblock", "dfp", "gpt-ad",
	"sponsored",
};
