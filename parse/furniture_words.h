/* furniture_words.h - class and id names that mark page furniture.
 * Data only (included by hints.c). furniture_words are matched anywhere in
 * the lower-cased class or id ("sidebar" finds "left-sidebar-widget"), so
 * each must be specific; furniture_segments are short words matched only as
 * a whole segment between '-', '_' or spaces ("promo" finds "home-promo"
 * but not Drupal's "node--promoted"; "ad" finds "top_ad", not "header"). */
static const char *const furniture_words[] = {
	"adsbygoogle", "adspot", "ad-slot", "ad-container", "ad-wrapper", "advert",
	"about-author", "author-bio", "author-info", "authorinfo", "post-author",
	"author-description", "author-card", "also-read", "alsoread", "author-box", "authorbox",
	"breadcrumb", "byline-share", "combx", "comment", "consent", "cookie",
	"copyright", "disqus", "donate", "dropdown", "feedback", "footer", "gdpr",
	"headline-list", "jp-relatedposts", "join-", "masthead", "menu", "modal",
	"more-stories", "most-popular", "most-read", "mostread", "nav-links",
	"navbar", "navigation", "newsletter", "newsticker", "next-post",
	"outbrain", "pagination", "popular", "popup", "post-nav", "postnav",
	"prev-post", "previous-post", "rating", "recommend", "related",
	"screen-reader", "share", "sharing", "shoutbox",
	"sidebar", "signup", "skip-link", "skyscraper", "social", "sponsor",
	"subscri", "taboola", "tagcloud", "teaser-list", "telegram", "ticker",
	"toolbar", "tooltip", "trending", "visitor", "weather", "whatsapp",
	"widget", "wpcp", "yarpp", "you-may", "youmay", "button", "marquee",
	"photo-credit", "image-credit",
	"site-header", "post-meta", "entry-meta", "article-meta", "topbar", "top-bar",
};

static const char *const furniture_segments[] = {
	"ad", "ads", "adv", "banner", "byline", "contact", "counter", "follow",
	"login", "meta", "nav", "pager", "paging", "promo",
	"promos", "reply", "respond", "rss", "search", "tags", "tools",
	"dfp", "sponsored", "cta", "share", "social", "email", "subnav",
};
