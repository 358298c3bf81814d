/* neutral_words.h - class names of page builders that wrap everything,
 * content and furniture alike, in the same words ("elementor-widget"
 * holds the article text as often as a sidebar). A name with one of these
 * says nothing either way. Data only (included by hints.c). */
static const char *const neutral_words[] = {
	"elementor", "vc_column", "wpb_", "et_pb_", "fl-module", "fusion-",
	"commentary", /* an opinion piece, not the comments under it */
};
