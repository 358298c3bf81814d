/* caption_words.h - class and id names of image captions. Data only
 * (included by hints.c), matched anywhere in the lower-cased name
 * ("wp-caption", "caption-image", "image-caption"). A caption is neither
 * furniture nor content by name: emit.c drops it when it is short, and
 * keeps it when it carries the lead or the story, as some themes do. */
static const char *const caption_words[] = {
	"caption",
};
