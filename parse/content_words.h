/* content_words.h - pieces of class and id names that mark the article.
 * Data only (included by hints.c); substrings of the lower-cased names. */
static const char *const content_words[] = {
	"article", "blog", "body", "content", "entry", "hentry", "main",
	"page", "post", "story", "text", "prose", "h-entry", "single",
	"td-post-content", "articlebody", "richtext", "rich-text",
};
