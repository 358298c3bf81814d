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
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt no_opts[] = {{NULL, 0, NULL, NULL, NULL, 0}};

static const struct cli_opt json_opts[] = {
	{"json", 'j', NULL, "one JSON object on stdout", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt reprocess_opts[] = {
	{"jobs", 'J', "N", "clean and extract with N threads, without it one per\n"
			   "core; the store is the same whatever N", NULL, 0},
	{"wait", 'w', NULL, "wait for a crawl or ingest to finish instead of failing", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

static const struct cli_opt format_opts[] = {
	{"format", 'f', "table|csv|jsonl", "an aligned table, CSV (RFC 4180) or JSON Lines",
	 "table", 0},
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

const struct cli_spec cli_specs[] = {
	{"crawl", "fetch feeds, sitemaps and pages into the store", "[OPTIONS] [SOURCE...]",
	 "Fetches feeds (RSS, Atom, JSON Feed), sitemaps, article URLs, local files\n"
	 "and folders, and stores every new article with its claims. Articles stored\n"
	 "before are not fetched again. Without sources, crawls the sources file\n"
	 "$ASSAY_SOURCES, else ./sources.txt.\n",
	 crawl_opts, "exit status: 0 all fetched, 1 some sources or pages failed, 2 fatal\n", 0},
	{"list", "what the stored claims are about, with counts",
	 "subjects|metrics|commodities [OPTIONS]",
	 "Lists the subjects (with their names), metrics or commodities of the\n"
	 "stored claims, each with its number of claims, sorted by id.\n",
	 format_opts, NULL, 0},
	{"show", "a claim with every source and its history", "[OPTIONS] ID",
	 "Prints a claim (or an agreement, ids starting with 'a'): its key and\n"
	 "figure, every source with the evidence sentence, and its review history.\n",
	 json_opts, NULL, 0},
	{"stats", "counts, store size, last crawl", "[OPTIONS]",
	 "Counts of articles, stories, claims, evidences, agreements, conflict groups\n"
	 "and review states; the store's size on disk; the last crawl.\n",
	 json_opts, NULL, 0},
	{"verify", "read the whole store and check it, changing nothing", "",
	 "Reads every table of the store without changing it: each record must read\n"
	 "back in order and decode, and the references between tables must hold\n"
	 "(an article's number files its URL, page and text; evidence names a claim\n"
	 "and an article that exist). Prints what does not, and the records per\n"
	 "table. Exit status 0: sound; 1: problems found; 2: the store does not open.\n",
	 no_opts, NULL, 0},
	{"reprocess", "re-clean and re-extract stored pages", "[OPTIONS]",
	 "Cleans and extracts every stored page again and rebuilds stories, claims,\n"
	 "agreements and conflicts. Editors' decisions stay. Holds the store's lock.\n",
	 reprocess_opts, NULL, 0},
	{"serve", "the review pages on 127.0.0.1", "[OPTIONS]",
	 "Serves the review pages on 127.0.0.1 and prints their URL on the first\n"
	 "line. Open that URL in a browser on this machine: it carries the session\n"
	 "key. Stop with Ctrl-C.\n",
	 serve_opts,
	 "The claim page offers the reasons for rejecting in reject-reasons.txt in\n"
	 "the store folder (one a line, keys 1-9), else four presets.\n", 0},
	{NULL, NULL, NULL, NULL, NULL, NULL, 0},
};

static const struct cli_opt global_opts[] = {
	{"db", 'd', "DIR", "the store, a folder; $ASSAY_DB when set. Commands that\n"
			   "write create it; commands that read report it missing",
	 "assay.lmdb", 0},
	{"log", 'l', "FILE", "append every message to FILE, one line each, stamped with\n"
			     "the UTC time and the process id; stderr then gets errors\n"
			     "only, and one line when the run did not succeed (cron)", NULL, 0},
	{"quiet", 'q', NULL, "print errors only: no warnings, no summary", NULL, 'q'},
	{"verbose", 'v', NULL, "say per page what was done and why: fetched (status, size),\n"
			       "stored (claims, story), stored before, not modified, too old",
	 NULL, 'v'},
	{"help", 'h', NULL, "print the usage; COMMAND --help (or help COMMAND)\ndescribes a command", NULL,
	 'h'},
	{"version", 'V', NULL, "print the version", NULL, 0},
	{NULL, 0, NULL, NULL, NULL, 0},
};

/* The global options go before or after the command (up to a "--"); the
 * short forms, --help and --version only before it. */
const struct cli_spec cli_global_spec = {
	"assay", "read the mining press", "[OPTIONS] COMMAND [ARGS]\n--help | --version | help [COMMAND]",
	"Reads the mining press: crawls news, keeps the article, extracts every\n"
	"figure and agreement as sourced claims, and finds where sources disagree.\n",
	global_opts,
	"exit status: 0 success, 1 some inputs failed, 2 fatal error\n"
	"\n"
	"doc/cli.md: the commands; doc/exports.md: every column of every export\n",
	0,
};
