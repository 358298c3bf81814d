/* lead_words.h - class and id segments of a story's lead (standfirst,
 * summary) that themes put outside the body's container. Data only
 * (included by hints.c); matched as whole segments of the lower-cased name. */
static const char *const lead_segments[] = {
	"lead", "lede", "intro", "standfirst", "summary", "excerpt", "deck", "dek",
	"subtitle", "subheadline", "abstract", "sapo", "bajada", "entradilla",
	"chapeau", "perex", "teaser", "description",
};
