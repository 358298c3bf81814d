/* phrases.h - how page furniture introduces itself, in the languages of
 * the press the cleaner reads. A short block that starts with one of these
 * (case-insensitive for ASCII and Latin-1 letters, after any leading
 * punctuation) is furniture: "Read more",
 * "Lesen Sie auch", "Notas relacionadas". A heading among them also takes
 * the short teaser lines under it. Data only (included by emit.c). */
static const char *const furniture_phrases[] = {
	/* en */
	"read more", "read also", "also read", "related:", "related articles",
	"related news", "related posts", "related stories", "related content",
	"related links", "related topics", "related coverage", "see also", "more on this",
	"more from", "more stories", "you may also like", "you might also like",
	"recommended for you", "recommended articles", "recommended stories",
	"recommended:", "share this", "share on", "follow us", "subscribe", "sign up",
	"newsletter", "advertisement", "sponsored", "about the author", "comments:",
	"comments (", "comments are closed",
	"leave a comment", "leave a reply", "no comments", "last modified",
	"last updated", "updated:", "credit:", "photo:", "image:", "tags:",
	"category:", "filed under", "posted in", "click here", "trending:",
	"trending now",
	"most read", "most popular", "top stories", "latest news", "print this",
	"release date:", "category :", "explore further", "photograph by", "photo by",
	"to view the full story", "to continue reading", "already a subscriber",
	"for the latest", "follow the ", "this post contains", "this article contains",
	"affiliate link", "affiliate disclosure", "this entry was posted", "this article is the copyright",
	"copyright", "all rights reserved", "©",
	/* de */
	"lesen sie auch", "lesen sie mehr", "mehr zum thema", "mehr zu ", "auch interessant",
	"das könnte", "das thema könnte", "weitere artikel", "weitere beiträge",
	"weitere informationen", "neueste artikel", "ähnliche artikel", "schon gelesen",
	"über den autor", "kommentare", "kommentieren", "keine kommentare", "anzeige",
	"werbung", "artikel teilen", "aktualisiert", "erstellt am", "foto:", "bild:",
	"empfehlungen", "themen:", "schlagworte", "lust auf mehr", "zum weiterlesen",
	"quelle:", "quellen:", "quellenangaben", "zusatzinformation", "externer inhalt", "originalartikel",
	"originalpublikation", "entdecke weitere", "alle artikel", "titelbild",
	"beitragsbild", "um kommentare", "sie müssen sich", "alle rechte",
	/* es, pt */
	"notas relacionadas", "te puede interesar", "lee también", "más sobre", "mira:",
	"mire:", "publicidad", "leia também", "veja também", "relacionad",
	"síguenos", "siguenos", "¡mira",
	/* fr, it, pl, tr */
	"lire aussi", "à lire aussi", "voir aussi", "publicité", "leggi anche",
	"pubblicità", "czytaj też", "czytaj także", "zobacz też", "reklama",
	"ilginizi çekebilir", "benzer haberler", "ilgili haberler",
};

/* Notices about the reader's browser, found anywhere in a block shorter
 * than NOTICE_BLOCK: "This site is best viewed in an up-to-date browser". */
static const char *const notice_phrases[] = {
	"best viewed in", "best viewed with", "outdated browser", "up-to-date browser",
	"upgrade your browser", "update your browser", "browser is out of date",
	"browser is not supported", "unsupported browser", "please enable javascript",
	"javascript is disabled", "browser does not support", "browser doesn't support",
};
