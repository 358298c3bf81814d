/* usage.c - every command's spec: its synopsis, its --help text and its
 * options with their defaults, each written here once (options.h says
 * what is made from them). A default here is the one the command uses:
 * cli_opts_parse() hands it over as if the user had typed it.
 *
 * The man page's prose about a command stays in doc/assay.1.in; its
 * synopsis and option list come from here. */
#include <stddef.h>

#include "fetch.h"
#include "options.h"

/* Options that several commands share, written once. */
#define FORMAT_OPT                                                                           \
	{"format", 'f', "table|csv|jsonl", "an aligned table, CSV (RFC 4180) or JSON Lines",   \
	 "table", 0}
#define JOBS_OPT                                                                             \
	{"jobs", 'J', "N", "clean and extract with N threads, without it one per\n"            \
			   "core; the store is the same whatever N", NULL, 0}
#define URL_OPTS                                                                             \
	{"url", 'u', "URL", "fetch one page as the crawler would (robots.txt,\n"               \
			    "time and size limits, no private addresses)", NULL, 'u'},           \
	{"allow-private", 'p', NULL, "let -u reach loopback and private addresses", NULL, 0}

static const struct cli_opt crawl_opts[] = {
	{"sources", 's', "FILE", "one source a line; settings: delay=S since=DAYS ua=\"...\"",
	 NULL, 0},
	{"since", 'S', "DAYS", "skip feed items older than this; 0: no limit", "30", 0},
	{"delay", 'd', "S", "seconds between requests to one host", "1", 0},
	{"refetch", 'r', NULL, "fetch stored articles again", NULL, 0},
	{"allow-private", 'p', NULL, "allow loopback, private and link-local addresses", NULL, 0},
	{"max-pages", 'n', "N", "stop after N article pages (the rest waits for next run)", NULL,
	 0},
	{"max-seconds", 't', "S", "stop after S seconds, the rest waits for the next run;\n"
				  "0: no limit", "600", 0},
	{"warc", 'w', "FILE", "also write every response to FILE (WARC/1.1, gzip)", NULL, 0},
	{"wait", 'W', NULL, "wait for another crawl to finish instead of failing", NULL, 0},
	{"user-agent", 'u', "UA", "the User-Agent header; robots.txt rules are still\n"
				  "those for the token 'assay'", ASSAY_DEFAULT_USER_AGENT, 0},
	{"timeout", 'T', "S", "seconds allowed for one transfer", "30", 0},
	{"max-body", 'B', "BYTES", "largest body accepted, after decompression", "10485760", 0},
	{"retries", 'R', "N", "tries after the first on timeouts and 5xx", "3", 0},
	{"summary-json", 'j', NULL, "print the summary as one JSON object on stdout", NULL, 0},
	JOBS_OPT,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt no_opts[] = {{NULL, 0, NULL, NULL, NULL, 0}};

static const struct cli_opt json_opts[] = {
	{"json", 'j', NULL, "one JSON object on stdout", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt reprocess_opts[] = {
	JOBS_OPT,
	{"wait", 'w', NULL, "wait for a crawl or ingest to finish instead of failing", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt format_opts[] = {
	FORMAT_OPT,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt serve_opts[] = {
	{"port", 'p', "N", "listen on port N; 0 picks a free port", "8080", 'p'},
	{"host", 'H', "ADDR", "listen on IPv4 address ADDR of this machine instead of\n"
			      "127.0.0.1, for editors on a trusted network; pages then\n"
			      "answer only to ADDR:PORT. Plain HTTP: prefer an SSH\n"
			      "tunnel (ssh -L 8080:127.0.0.1:8080 HOST) elsewhere", NULL, 0},
	{"token-file", 't', "PATH", "keep the session key in PATH (made with mode 0600\n"
				    "when missing); default: serve-session.key in the\n"
				    "store folder. Remove the file to sign everyone out",
	 NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

/* The listing filters of claims, conflicts and export (filter.h). */
#define FILTER_OPTS                                                                          \
	{"subject", CLI_OPT_SUBJECT, "ID|NAME", "a country or organisation (\"CN\", \"China\")", \
	 NULL, 0},                                                                           \
	{"metric", CLI_OPT_METRIC, "M", "e.g. production, refining_share, price", NULL, 0},  \
	{"commodity", CLI_OPT_COMMODITY, "C", "e.g. rare-earths, lithium (an agreement's "   \
	 "topic)", NULL, 0},                                                                 \
	{"since", CLI_OPT_SINCE, "DATE", "sources published on or after DATE "                \
	 "(YYYY[-MM[-DD]])", NULL, 0},                                                       \
	{"until", CLI_OPT_UNTIL, "DATE", "sources published on or before DATE; undated\n"    \
	 "sources are left out by either", NULL, 0},                                         \
	{"min-stories", CLI_OPT_MIN_STORIES, "N", "supported by (conflicts: spanning) N "    \
	 "stories or more", NULL, 0},                                                        \
	{"state", CLI_OPT_STATE, "pending|accepted|rejected|corrected", "in that review "    \
	 "state (conflicts: groups with a member\nin it)", NULL, 0},                         \
	{"open", CLI_OPT_OPEN, NULL, "conflicts: groups editors have not resolved;\n"        \
	 "claims, agreements: not yet decided (pending)", NULL, 0}

#define STORY_OPTS                                                                           \
	{"within-story", 'w', NULL, "the stories that contradict themselves instead", NULL,  \
	 0},                                                                                 \
	{"any-story", 'a', NULL, "groups across stories and within one, both", NULL, 0}

static const struct cli_opt clean_opts[] = {
	{"json", 'j', NULL, "one JSON object a line: file, url, title, published,\n"
			    "author, site, language, text, tables (lists of rows)", NULL, 0},
	URL_OPTS,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt extract_opts[] = {
	{"text", 't', NULL, "inputs are plain text, not HTML", NULL, 0},
	{"lines", 'l', NULL, "every input line is a document of its own", NULL, 0},
	{"published", 'P', "YYYY-MM-DD", "publication date, for relative dates", NULL, 0},
	URL_OPTS,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt ingest_opts[] = {
	JOBS_OPT,
	{"summary-json", 'j', NULL, "print the run's summary as one JSON line on stdout", NULL,
	 0},
	{"wait", 'w', NULL, "wait for another crawl or ingest to finish instead\n"
			    "of failing", NULL, 0},
	{"url", 'u', "URL", "the one FILE's address (http or https): its identity", NULL, 0},
	{"published", 'P', "DATE", "the one FILE's publication date (ISO 8601 or RFC 822)",
	 NULL, 0},
	{"site", 's', "NAME", "the one FILE's site; without it, the host of --url", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt claims_opts[] = {
	FILTER_OPTS,
	FORMAT_OPT,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt conflicts_opts[] = {
	FORMAT_OPT,
	FILTER_OPTS,
	STORY_OPTS,
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt export_opts[] = {
	{"format", 'f', "csv|jsonl", "CSV (RFC 4180) or JSON Lines; one of them is needed",
	 NULL, 0},
	{"output", 'o', "FILE", "write FILE (whole, or not at all) instead of stdout", NULL,
	 'o'},
	FILTER_OPTS,
	STORY_OPTS,
	{NULL, 0, NULL, NULL, NULL, 0},
};

/* A field of a claim's key: what `correct` sets, what `--next` narrows to. */
#define KEY_OPT(name, key, arg) \
	{name, key, arg, "correct: the " name "; --next: only its claims", NULL, 0}

static const struct cli_opt review_opts[] = {
	{"next", 'n', NULL, "walk the pending claims one at a time (see below)", NULL, 0},
	{"reason", 'r', "TEXT", "why the claim is rejected", NULL, 0},
	{"value", 'V', "N", "the figure as it should read", NULL, 0},
	{"unit", 'U', "U", "its unit; alone, the figure as read in another unit", NULL, 0},
	KEY_OPT("subject", 'S', "ID"),
	KEY_OPT("metric", 'M', "M"),
	KEY_OPT("commodity", 'C', "C"),
	{"period", 'P', "P", "the period the figure is for (2024, 2024-Q3, ...)", NULL, 0},
	{"status", 'T', "S", "a claim's or an agreement's status (doc/claims.md)", NULL, 0},
	{"place", 'L', "TEXT", "where: a mine, a plant, a region", NULL, 0},
	{"type", 'Y', "T", "an agreement's type (doc/claims.md)", NULL, 0},
	{"parties", 'A', "IDS", "an agreement's parties, ids separated by commas", NULL, 0},
	{"site", 's', "S", "--next: only claims with a source on this site", NULL, 0},
	{"editor", 'e', "NAME", "who decides; without it $ASSAY_EDITOR, else $USER", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

const struct cli_spec cli_specs[] = {
	{"crawl", "fetch feeds, sitemaps and pages into the store", "[OPTIONS] [SOURCE...]",
	 "Fetches feeds (RSS, Atom, JSON Feed), sitemaps, article URLs, local files\n"
	 "and folders, and stores every new article with its claims. Articles stored\n"
	 "before are not fetched again. Without sources, crawls the sources file\n"
	 "$ASSAY_SOURCES, else ./sources.txt.\n",
	 crawl_opts, "exit status: 0 all fetched, 1 some sources or pages failed, 2 fatal\n", 0, NULL},
	{"ingest", "store local HTML, .gz, .txt, WARC and JSON Lines files",
	 "[OPTIONS] PATH...\n[--url URL] [--published DATE] [--site NAME] FILE",
	 "Stores local pages: HTML files, folders of them (recursively), .gz files,\n"
	 "WARC files (.warc, .warc.gz: every HTML response, under its target URI),\n"
	 "plain .txt files whose first line is the headline, and JSON Lines archives\n"
	 "(.jsonl, .ndjson: one article a line, {\"url\", \"title\", \"published\",\n"
	 "\"site\", \"text\" or \"html\"}; news-please's \"maintext\", \"date_publish\"\n"
	 "and \"source_domain\" too). An article already stored under the same URL\n"
	 "is not stored again.\n",
	 ingest_opts, NULL, 0, NULL},
	{"clean", "print the article text of HTML pages", "[OPTIONS] [FILE...]",
	 "Prints the article text of each HTML page: headings, paragraphs, list\n"
	 "items, quotes and table rows (cells joined by \" | \"), one block a\n"
	 "paragraph. Page furniture (menus, widgets, related news, comments, ads)\n"
	 "is dropped. FILE may be gzip-compressed; '-' reads standard input.\n"
	 "An input that is not a page (image, PDF, JSON, binary, empty) is\n"
	 "refused by name and counted as failed (exit 1).\n",
	 clean_opts, NULL, 1, NULL},
	{"extract", "print mentions, claims and agreements", "[OPTIONS] [FILE...]",
	 "Prints one JSON object per document: its mentions (figures, countries,\n"
	 "organisations, commodities, dates), claims and agreements. FILE may be\n"
	 "gzip-compressed; '-' reads standard input.\n",
	 extract_opts,
	 "An input that is not a page or text (image, PDF, JSON, binary, empty) is\n"
	 "refused by name and counted as failed (exit 1).\n", 1, NULL},
	{"claims", "list stored claims", "[OPTIONS]",
	 "Lists stored claims: one line each, with its id (for 'assay show' and\n"
	 "'assay review'), review state, key, figure and how many stories support it.\n"
	 "CSV is one record per claim and source (doc/exports.md).\n",
	 claims_opts, NULL, 0, NULL},
	{"review", "record an editor's decision, or walk the pending claims",
	 "ID accept|reset [--editor NAME]\n"
	 "ID reject --reason TEXT [--editor NAME]\n"
	 "ID correct [--value N] [--unit U] [--subject ID] [--metric M] [--commodity C]"
	 " [--period P] [--status S] [--place TEXT] [--type T] [--parties IDS]"
	 " [--editor NAME]\n"
	 "--next [--subject ID] [--metric M] [--commodity C] [--site S] [--editor NAME]",
	 "Records an editor's decision on a claim or agreement (ids from 'assay\n"
	 "claims'); 'reset' makes it pending again. Every decision is kept, with\n"
	 "its editor. A correction sets the figure, another field of a claim\n"
	 "(--type and --parties: of an agreement), or both; what it changed from\n"
	 "what is in the history ('assay show ID').\n",
	 review_opts,
	 "--next shows the pending claims one at a time, newest first, with their\n"
	 "evidence. Keys: a accept, r reject (then 1-9 for a preset reason, or type\n"
	 "one), c correct (type the value and unit), f fix the other fields (subject,\n"
	 "metric, commodity, period, status, place; an agreement's type, parties,\n"
	 "status), o open the first source in the browser ($BROWSER, else xdg-open),\n"
	 "s skip, u undo the last decision, q quit, ? the keys and the presets. Each\n"
	 "source shows its URL. Without a terminal, each input line is one answer.\n"
	 "The presets are read from reject-reasons.txt in the store folder when it\n"
	 "exists (one a line).\n", 0, "ID accept|reject|correct|reset | --next ..."},
	{"conflicts", "where sources disagree", "[OPTIONS]",
	 "Lists where sources disagree: figures of one key whose intervals do not\n"
	 "meet, and agreements between the same parties with contradicting statuses.\n"
	 "A group needs sources from two or more stories; --within-story lists the\n"
	 "stories that contradict themselves instead, --any-story both. A group is\n"
	 "resolved when editors kept one figure and rejected the others; --open\n"
	 "leaves resolved groups out. CSV columns: doc/exports.md.\n",
	 conflicts_opts, NULL, 0, NULL},
	{"export", "write claims, articles, agreements or conflicts for analysis",
	 "claims|articles|agreements|conflicts --format csv|jsonl [OPTIONS]",
	 "CSV is one record per figure and source; doc/exports.md lists the columns.\n"
	 "The filters apply to claims, agreements and conflicts; --within-story and\n"
	 "--any-story to conflicts.\n",
	 export_opts, NULL, 0, NULL},
	{"list", "what the stored claims are about, with counts",
	 "subjects|metrics|commodities [OPTIONS]",
	 "Lists the subjects (with their names), metrics or commodities of the\n"
	 "stored claims, each with its number of claims, sorted by id.\n",
	 format_opts, NULL, 0, NULL},
	{"show", "a claim with every source and its history", "[OPTIONS] ID",
	 "Prints a claim (or an agreement, ids starting with 'a'): its key and\n"
	 "figure, every source with the evidence sentence, and its review history.\n",
	 json_opts, NULL, 0, NULL},
	{"stats", "counts, store size, last crawl", "[OPTIONS]",
	 "Counts of articles, stories, claims, evidences, agreements, conflict groups\n"
	 "and review states; the store's size on disk; the last crawl.\n",
	 json_opts, NULL, 0, NULL},
	{"verify", "read the whole store and check it, changing nothing", "",
	 "Reads every table of the store without changing it: each record must read\n"
	 "back in order and decode, and the references between tables must hold\n"
	 "(an article's number files its URL, page and text; evidence names a claim\n"
	 "and an article that exist). Prints what does not, and the records per\n"
	 "table. Exit status 0: sound; 1: problems found; 2: the store does not open.\n",
	 no_opts, NULL, 0, NULL},
	{"reprocess", "re-clean and re-extract stored pages", "[OPTIONS]",
	 "Cleans and extracts every stored page again and rebuilds stories, claims,\n"
	 "agreements and conflicts. Editors' decisions stay. Holds the store's lock.\n",
	 reprocess_opts, NULL, 0, NULL},
	{"serve", "the review pages on 127.0.0.1", "[OPTIONS]",
	 "Serves the review pages on 127.0.0.1 and prints their URL on the first\n"
	 "line. Open that URL in a browser on this machine: it carries the session\n"
	 "key. Stop with Ctrl-C.\n",
	 serve_opts,
	 "The claim page offers the reasons for rejecting in reject-reasons.txt in\n"
	 "the store folder (one a line, keys 1-9), else four presets.\n", 0, NULL},
	{NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL},
};

static const struct cli_opt global_opts[] = {
	{"db", 'd', "DIR", "the store, a folder; $ASSAY_DB when set. Commands that\n"
			   "write create it; commands that read report it missing",
	 "assay.lmdb", 0},
	{"log", 'l', "FILE", "append every message to FILE, one line each, stamped with\n"
			     "the UTC time and the process id; stderr then gets errors\n"
			     "only, and one line when the run did not succeed (cron)", NULL, 0},
	{"quiet", 'q', NULL, "print errors only: no warnings, no summary", NULL, 'q'},
	{"verbose", 'v', NULL, "say per page what was done and why: fetched (status,\n"
			       "size), stored (claims, story), stored before, not\n"
			       "modified, too old",
	 NULL, 'v'},
	{"help", 'h', NULL, "print the usage; COMMAND --help (or help COMMAND)\ndescribes a command", NULL,
	 'h'},
	{"version", 'V', NULL, "print the version", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

/* The global options go before or after the command (up to a "--");
 * --help and --version only before it. */
const struct cli_spec cli_global_spec = {
	"assay", "read the mining press", "[OPTIONS] COMMAND [ARGS]\n--help | --version | help [COMMAND]",
	"Reads the mining press: crawls news, keeps the article, extracts every\n"
	"figure and agreement as sourced claims, and finds where sources disagree.\n",
	global_opts,
	"exit status: 0 success, 1 some inputs failed, 2 fatal error\n"
	"\n"
	"doc/cli.md: the commands; doc/exports.md: every column of every export\n",
	0, NULL,
};
