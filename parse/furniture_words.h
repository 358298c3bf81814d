/* furniture_words.h - pieces of class and id names that mark page furniture.
 * Data only (included by hints.c). Matched as substrings of the lower-cased
 * class and id, so "sidebar" also finds "left-sidebar-widget". Keep each
 * entry specific enough not to hit content names ("ad" alone would hit
 * "header" and "read"; "-ad-", "ad-" as a prefix are handled in hints.c). */
static const char *const furniture_words[] = {
	"advert", "adsbygoogle", "ad-slot", "ad-container", "ad-wrapper",
	"banner", "breadcrumb", "byline-share", "combx", "comment", "contact",
	"cookie", "consent", "disqus", "dropdown", "footer", "gdpr",
	"jp-relatedposts", "login", "masthead", "menu", "modal",
	"more-stories", "most-popular", "mostread", "most-read", "navbar",
	"navigation", "newsletter", "outbrain", "pagination", "popular",
	"popup", "promo", "recommend", "related", "reply", "respond",
	"rss", "share", "sharing", "shoutbox", "sidebar",
	"signup", "skyscraper", "social", "sponsor", "subscribe", "taboola",
	"tagcloud", "tags", "toolbar", "tooltip", "trending", "weather",
	"widget", "wpcp", "yarpp", "read-more", "readmore", "author-box",
	"authorbox", "about-author", "post-nav", "postnav", "nav-links",
	"pager", "paging", "follow", "telegram", "whatsapp",
	"topbar", "top-bar", "ticker", "counter", "visitor", "copyright",
	"skip-link", "screen-reader", "sr-only", "offcanvas", "off-canvas",
	"header-", "site-header", "site-footer", "headline-list", "also-read",
	"alsoread", "you-may", "youmay", "next-post", "prev-post", "previous-post",
	"donate", "teaser-list", "rating", "feedback", "meta-",
	"post-meta", "entry-meta", "article-meta", "newsticker", "marquee", "adspot", "button", "join-",
};
