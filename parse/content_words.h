/* content_words.h - class and id names that mark the article. Data only
 * (included by hints.c): content_words anywhere in the lower-cased name,
 * content_segments only as whole segments ("post" in "single-post", not
 * in "poster"). "text" is no hint: Bootstrap's "text-center" is everywhere. */
static const char *const content_words[] = {
	"article", "content", "entry", "story", "post-body", "postbody",
	"post-text", "blog-post", "richtext", "rich-text", "prose", "main-text",
	"body-text", "articlebody",
};

static const char *const content_segments[] = {
	"post", "body", "main", "blog", "hentry", "single",
};

/* Whole class tokens that blog engines put on the post itself, beside
 * category and tag slugs ("category-no-newsletter-rss") that must not be
 * read as furniture. */
static const char *const post_tokens[] = {
	"hentry", "type-post", "status-publish", "h-entry",
};
