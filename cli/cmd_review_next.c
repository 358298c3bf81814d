/* cmd_review_next.c - `assay review --next`: walks the pending claims one by
 * one in the terminal, newest first (the review page's queue), and takes
 * a decision on each with one key: a accept, r reject (then a reason:
 * a preset's key 1-9 or free text), c correct (then a value and a unit),
 * f fix the other fields (each shown, Enter keeps it), o open the first
 * source in the browser, s skip, u undo, q quit, ? the keys. A correction keeps what one before it set. The
 * presets are review/'s (review.h).
 *
 * On a terminal a key acts at once (no Enter); from a pipe each line is
 * one answer, so a script can drive it. Scraped text is printed with every
 * control character (ESC above all) replaced: a page must not be able to
 * move the cursor, retitle the window or hide text in the editor's
 * terminal.
 *
 * o runs $BROWSER (its first entry, a program) or xdg-open with the URL as
 * one argument, never through a shell, so nothing in a scraped URL is a
 * command; only http and https URLs are opened, and the browser is left
 * running on its own. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "assay.h"
#include "cli.h"
#include "log.h"
#include "review.h"
#include "store.h"
#include "str.h"
#include "table.h"
#include "vocab.h"

#define SHOW_SOURCES 3

struct walk {
	FILE *in, *out;
	const char *editor;    /* who decides, or NULL for the store's $USER */
	struct assay_review_reasons reasons; /* the presets of keys 1-9 */
	bool tty;              /* keys act at once, figures in bold */
	struct termios saved;
	size_t done[ASSAY_REVIEW_STATES], skipped;
};

/* Writes scraped @s with control characters (C0, DEL, C1) made visible as
 * U+FFFD, so nothing in it is a terminal command. */
static void put_safe(FILE *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7F) {
			fputs("\xEF\xBF\xBD", out);
		} else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
			fputs("\xEF\xBF\xBD", out);
			i++;
		} else {
			fputc(p[i], out);
		}
	}
}

static void put_safe_str(FILE *out, const char *s)
{
	put_safe(out, s, strlen(s));
}

/* An id in words: "refining_share" -> "refining share". */
static void put_words(FILE *out, const char *id)
{
	char w[64];

	assay_review_words(id, w, sizeof w);
	put_safe_str(out, w);
}

static void raw_mode(struct walk *w, bool on)
{
	struct termios t;

	if (!w->tty)
		return;
	if (on) {
		t = w->saved;
		t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
		tcsetattr(fileno(w->in), TCSANOW, &t);
	} else {
		tcsetattr(fileno(w->in), TCSANOW, &w->saved);
	}
}

/* One answer key: a key press on a terminal, else a line's first letter.
 * EOF reads as q. */
static int read_key(struct walk *w)
{
	char line[64];
	int c;

	if (w->tty) {
		raw_mode(w, true);
		c = fgetc(w->in);
		raw_mode(w, false);
		fputc('\n', w->out);
		return c == EOF || c == 4 ? 'q' : c;
	}
	if (!fgets(line, sizeof line, w->in))
		return 'q';
	return line[strspn(line, " \t")] ? line[strspn(line, " \t")] : '\n';
}

/* A typed line after @prompt, without its newline; false at EOF. */
static bool read_line(struct walk *w, const char *prompt, char *out, size_t size)
{
	fputs(prompt, w->out);
	fflush(w->out);
	if (!fgets(out, (int)size, w->in))
		return false;
	out[strcspn(out, "\r\n")] = '\0';
	return true;
}

static void show_presets(struct walk *w)
{
	for (size_t i = 0; i < w->reasons.n; i++) {
		fprintf(w->out, "%s%zu ", i ? "  " : "  reasons: ", i + 1);
		put_safe_str(w->out, w->reasons.text[i]);
	}
	fputs(w->reasons.n ? "\n  or type a reason\n" : "", w->out);
}

static void show_keys(struct walk *w, bool agreement)
{
	fputs("  a  accept\n  r  reject, then a preset's number or a reason typed\n", w->out);
	if (!agreement)
		fputs("  c  correct: the right value, then its unit\n", w->out);
	fputs(agreement ? "  f  fix the type, parties or status (Enter keeps each)\n"
			: "  f  fix subject, metric, commodity, period, status or place\n"
			  "     (Enter keeps each)\n", w->out);
	fputs("  o  open the first source in the browser ($BROWSER, else xdg-open)\n", w->out);
	fputs("  s  skip (also Enter)\n  u  undo the last decision (it is pending again)\n"
	      "  q  quit\n  ?  these keys\n", w->out);
	show_presets(w);
}

/* The reason of a rejection: a preset by its key, or typed. On a
 * terminal a preset's key acts at once, and any other printable key
 * starts the typed reason. False at EOF. */
static bool read_reason(struct walk *w, char *out, size_t size)
{
	const char *preset;
	char line[256];
	size_t at = 0;
	int c;

	show_presets(w);
	if (w->tty) {
		fputs("  reason: ", w->out);
		fflush(w->out);
		raw_mode(w, true);
		c = fgetc(w->in);
		raw_mode(w, false);
		if (c == EOF || c == 4)
			return false;
		preset = assay_review_reason_of_key(&w->reasons, c);
		if (preset) {
			fputs(preset, w->out);
			fputc('\n', w->out);
			snprintf(out, size, "%s", preset);
			return true;
		}
		if (c >= 0x20 && c != 0x7F && size > 1) {
			fputc(c, w->out);
			out[at++] = (char)c;
		}
		if (c == '\n' || c == '\r') {
			out[0] = '\0';
			return true;
		}
		fflush(w->out);
		if (!fgets(line, sizeof line, w->in))
			return false;
		line[strcspn(line, "\r\n")] = '\0';
		snprintf(out + at, size - at, "%s", line);
		return true;
	}
	if (!read_line(w, "  reason: ", line, sizeof line))
		return false;
	preset = line[0] && !line[1] ? assay_review_reason_of_key(&w->reasons, line[0]) : NULL;
	snprintf(out, size, "%s", preset ? preset : line);
	return true;
}

/* What one claim or agreement shows, copied out of the store's walk so
 * that the article texts of its table rows can be read after it. */
struct shown {
	struct walk *w;
	struct assay_store *s;
	struct assay_review_item it;
};

/* The evidence, tidied (one line, nothing invisible), with the figure as
 * written in bold (or brackets). */
static void evidence(struct walk *w, const struct assay_source *s)
{
	char text[sizeof s->evidence], fig[sizeof s->figure];
	const char *at;
	size_t len;

	assay_review_tidy(s->evidence, strlen(s->evidence), text, sizeof text);
	len = assay_review_tidy(s->figure, strlen(s->figure), fig, sizeof fig);
	at = len ? strstr(text, fig) : NULL;
	fputs("    \"", w->out);
	if (at) {
		put_safe(w->out, text, (size_t)(at - text));
		fputs(w->tty ? "\x1b[1;4m" : "[", w->out);
		put_safe(w->out, at, len);
		fputs(w->tty ? "\x1b[0m" : "]", w->out);
		put_safe_str(w->out, at + len);
	} else {
		put_safe_str(w->out, text);
	}
	fputs("\"\n", w->out);
}

/* A table row's caption and header row, from its article's text. */
static void table_context(struct shown *sh, const struct assay_source *s)
{
	char header[512], caption[256];
	struct assay_buf text = {0};

	if (!assay_review_is_table_row(s->evidence, strlen(s->evidence)))
		return;
	if (assay_store_article_text(sh->s, s->url, &text) == ASSAY_OK &&
	    assay_review_table_context(text.data, text.len, s->start, header, sizeof header,
				       caption, sizeof caption)) {
		if (caption[0]) {
			fputs("    table: ", sh->w->out);
			put_safe_str(sh->w->out, caption);
			fputc('\n', sh->w->out);
		}
		if (header[0]) {
			fputs("    header: ", sh->w->out);
			put_safe_str(sh->w->out, header);
			fputc('\n', sh->w->out);
		}
	}
	assay_buf_release(&text);
}

/* Each source on its own, under a label true to what it is. */
static void sources(struct shown *sh, const char *id)
{
	struct walk *w = sh->w;
	const struct assay_source *src = sh->it.src;
	size_t n = sh->it.nsrc;
	int story = 0;

	assay_review_sort_sources(sh->it.src, n);
	for (size_t i = 0; i < n && i < SHOW_SOURCES; i++) {
		char label[256];

		story += assay_review_source_role(src, i) == ASSAY_REVIEW_SRC_STORY;
		assay_review_source_label(src, i, story, label, sizeof label);
		fputs("  ", w->out);
		put_safe_str(w->out, label);
		fputs("\n  - ", w->out);
		put_safe_str(w->out, assay_review_source_name(src[i].site, src[i].url, label,
							       sizeof label));
		fputs(", ", w->out);
		put_safe_str(w->out, src[i].published[0] ? src[i].published : "undated");
		fputs(": ", w->out);
		put_safe_str(w->out, src[i].title[0] ? src[i].title : src[i].url);
		fputc('\n', w->out);
		if (src[i].title[0] && src[i].url[0]) {
			fputs("    ", w->out);
			put_safe_str(w->out, src[i].url);
			fputc('\n', w->out);
		}
		table_context(sh, &src[i]);
		evidence(w, &src[i]);
	}
	if (n > SHOW_SOURCES)
		fprintf(w->out, "  ... and %zu more (assay show %s)\n", n - SHOW_SOURCES, id);
}

static void show_claim(struct shown *sh)
{
	const struct assay_stored_claim *c = &sh->it.c;
	FILE *out = sh->w->out;
	char fig[128];

	assay_review_claim_figure(c, fig, sizeof fig);
	fputs("  ", out);
	put_safe_str(out, fig);
	fputs("  ", out);
	put_safe_str(out, assay_review_name_of(c->c.subject) ? assay_review_name_of(c->c.subject) : c->c.subject);
	fputc(' ', out);
	put_words(out, c->c.metric);
	if (c->c.commodity[0]) {
		fputs(", ", out);
		put_words(out, c->c.commodity);
	}
	if (c->c.period[0]) {
		fputs(" (", out);
		put_safe_str(out, c->c.period);
		fputc(')', out);
	}
	fprintf(out, "   [%s, %zu source%s]\n", c->c.status, sh->it.nsrc, sh->it.nsrc == 1 ? "" : "s");
}

static void show_agreement(struct shown *sh)
{
	const struct assay_stored_agreement *a = &sh->it.a;
	FILE *out = sh->w->out;

	fputs("  ", out);
	put_safe_str(out, a->a.type);
	fputs(" ", out);
	put_safe_str(out, a->a.status);
	fputs(" between ", out);
	for (int i = 0; i < a->a.nparties && i < ASSAY_MAX_PARTIES; i++) {
		const char *name = assay_review_name_of(a->a.parties[i]);
		fputs(i ? ", " : "", out);
		put_safe_str(out, name ? name : a->a.parties[i]);
	}
	if (a->a.topic[0]) {
		fputs(" on ", out);
		put_words(out, a->a.topic);
	}
	fprintf(out, "   [%zu source%s]\n", sh->it.nsrc, sh->it.nsrc == 1 ? "" : "s");
}

/* The conflict the claim is part of: the other figures (statuses) of its
 * key, each with its first source and the command that shows it. */
static int show_conflict(void *ctx, const struct assay_conflict *g)
{
	struct shown *sh = ctx;
	FILE *out = sh->w->out;
	const char *self = sh->it.is_agr ? sh->it.a.id : sh->it.c.id;

	fprintf(out, "  conflict: %zu %s from %zu stor%s%s\n", g->nmembers,
		g->is_agreement ? "statuses" : "figures", g->nstories,
		g->nstories == 1 ? "y" : "ies", g->resolved ? ", resolved" : "");
	for (size_t i = 0; i < g->nmembers && i < 8; i++) {
		const struct assay_conflict_member *m = &g->members[i];
		const char *id = g->is_agreement ? m->agreement->id : m->claim->id;
		const struct assay_review *r = g->is_agreement ? &m->agreement->review
							       : &m->claim->review;
		char fig[128];

		if (g->is_agreement)
			snprintf(fig, sizeof fig, "%s (%s)", m->agreement->a.status,
				 m->agreement->a.type);
		else
			assay_review_claim_figure(m->claim, fig, sizeof fig);
		fputs(strcmp(id, self) ? "    - " : "    * ", out);
		put_safe_str(out, fig);
		fprintf(out, " [%s]", r->state);
		if (!strcmp(id, self)) {
			fputs(" (this one)\n", out);
			continue;
		}
		if (m->nsources) {
			fputs(": ", out);
			char name[128];

			put_safe_str(out, assay_review_source_name(m->sources[0].site,
								   m->sources[0].url, name,
								   sizeof name));
			fputs(", ", out);
			put_safe_str(out, m->sources[0].published[0] ? m->sources[0].published
								      : "undated");
			if (m->nsources > 1)
				fprintf(out, " and %zu more", m->nsources - 1);
		}
		fputs(" (assay show ", out);
		put_safe_str(out, id);
		fputs(")\n", out);
	}
	if (g->nmembers > 8)
		fprintf(out, "    ... and %zu more\n", g->nmembers - 8);
	return ASSAY_OK;
}

/* Shows claim or agreement @id: its key, its conflict, its sources. */
/* Shows claim or agreement @id: its key, its conflict, its sources. @sh
 * keeps the record for the decision (free sh->it.src after). */
static int show(struct walk *w, struct assay_store *s, const char *id, struct shown *sh)
{
	int rc;

	*sh = (struct shown){.w = w, .s = s};
	rc = assay_review_item_get(s, id, &sh->it);
	if (rc)
		return rc;
	if (sh->it.is_agr)
		show_agreement(sh);
	else
		show_claim(sh);
	rc = assay_store_conflict_group(s, sh->it.is_agr, sh->it.is_agr ? sh->it.a.group : sh->it.c.group,
					show_conflict, sh);
	if (rc && rc != ASSAY_ENOTFOUND)
		return rc;
	sources(sh, id);
	return ASSAY_OK;
}

/* Asks for field @name, showing what it says now; Enter keeps it. */
static bool ask_field(struct walk *w, const char *name, const char *now, char *out, size_t size)
{
	char prompt[128];

	snprintf(prompt, sizeof prompt, "  %s [%s]: ", name, now);
	if (!read_line(w, prompt, out, size))
		return false;
	if (!out[0])
		assay_copy(out, size, now);
	return true;
}

/* f: every other field of the record, each kept with Enter. Returns 0
 * with @d filled, 1 when nothing changed or a field did not fit (said),
 * -1 at EOF. */
static int fix_fields(struct walk *w, const struct shown *sh, struct assay_review *d)
{
	struct assay_review_fix *f = &d->fix;
	const char *bad;
	char parties[400];

	assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_CORRECTED);
	if (sh->it.is_agr) {
		struct assay_agreement now;
		size_t at = 0;

		assay_review_effective_agreement(&sh->it.a.review, &sh->it.a.a, &now);
		parties[0] = '\0';
		for (int i = 0; i < now.nparties && at < sizeof parties; i++)
			at += (size_t)snprintf(parties + at, sizeof parties - at, "%s%s",
					       i ? ", " : "", now.parties[i]);
		if (!ask_field(w, "type", now.type, f->type, sizeof f->type) ||
		    !ask_field(w, "parties", parties, parties, sizeof parties) ||
		    !ask_field(w, "status", now.status, f->status, sizeof f->status))
			return -1;
		if (assay_review_parse_parties(parties, f)) {
			fputs("  parties are ids separated by commas\n", w->out);
			return 1;
		}
		assay_review_fix_drop_same(f, NULL, &sh->it.a.a);
	} else {
		struct assay_claim now;

		assay_review_effective(&sh->it.c.review, &sh->it.c.c, &now);
		if (!ask_field(w, "subject", now.subject, f->subject, sizeof f->subject) ||
		    !ask_field(w, "metric", now.metric, f->metric, sizeof f->metric) ||
		    !ask_field(w, "commodity", now.commodity, f->commodity, sizeof f->commodity) ||
		    !ask_field(w, "period", now.period, f->period, sizeof f->period) ||
		    !ask_field(w, "status", now.status, f->status, sizeof f->status) ||
		    !ask_field(w, "place", now.place, f->place, sizeof f->place))
			return -1;
		if (assay_review_state_is(sh->it.c.review.state, ASSAY_REVIEW_CORRECTED) &&
		    sh->it.c.review.has_value) {
			d->has_value = true; /* the corrected figure stays */
			d->value = sh->it.c.review.value;
			assay_copy(d->unit, sizeof d->unit, sh->it.c.review.unit);
		}
		assay_review_fix_drop_same(f, &sh->it.c.c, NULL);
	}
	bad = assay_review_fix_check(sh->it.is_agr, f);
	if (bad) {
		fprintf(w->out, "  that %s does not fit (%s)\n", bad,
			!strcmp(bad, "status") || !strcmp(bad, "type") ? "not in the contract's list"
			: "letters, digits, '-', '_'; a period like 2023 or 2024/2029");
		return 1;
	}
	if (!d->has_value && assay_review_fix_empty(f)) {
		fputs("  nothing changed\n", w->out);
		return 1;
	}
	return 0;
}

/* True for an http or https URL with a host and nothing that is not
 * printable ASCII (a URL a browser takes as one). */
static bool openable(const char *url)
{
	size_t n = strncmp(url, "https://", 8) == 0 ? 8 : strncmp(url, "http://", 7) == 0 ? 7 : 0;

	if (!n || !url[n] || url[n] == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F)
			return false;
	return true;
}

/* Starts @prog with @url as its one argument, detached (a second child
 * that this process does not wait for), its output away from the review.
 * Returns 0 when it started. */
static int launch(const char *prog, const char *url)
{
	int status, fd;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		pid_t inner;

		setsid();
		fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		inner = fork();
		if (inner != 0)
			_exit(inner < 0 ? 127 : 0);
		execlp(prog, prog, url, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) ? -1 : 0;
}

/* o: the first source with a web URL, in the browser. */
static void open_source(struct walk *w, const struct shown *sh)
{
	const char *env = getenv("BROWSER");
	char prog[256] = "xdg-open";

	if (env && *env) { /* $BROWSER is a list of programs separated by ':' */
		size_t n = strcspn(env, ":");

		snprintf(prog, sizeof prog, "%.*s", (int)(n < sizeof prog ? n : sizeof prog - 1), env);
	}
	for (size_t i = 0; i < sh->it.nsrc; i++) {
		if (!openable(sh->it.src[i].url))
			continue;
		if (launch(prog, sh->it.src[i].url) == 0) {
			fputs("  opened ", w->out);
			put_safe_str(w->out, sh->it.src[i].url);
			fputc('\n', w->out);
		} else {
			fputs("  cannot start ", w->out);
			put_safe_str(w->out, prog);
			fputs(" (set $BROWSER to a browser)\n", w->out);
		}
		return;
	}
	fputs("  no source has a web address to open\n", w->out);
}

/* Asks for a decision until one is given; 0 decided, 1 skipped, 2 undo
 * the last decision, -1 quit. */
static int decide(struct walk *w, struct assay_review *d, const struct shown *sh)
{
	const char *unit = sh->it.is_agr ? "" : sh->it.c.c.unit;
	bool agreement = sh->it.is_agr;
	char value[64];
	int how;

	for (;;) {
		fputs(agreement ? "  a accept  r reject  f fix  o open  s skip  q quit  ? keys > "
				: "  a accept  r reject  c correct  f fix  o open  s skip  q quit  ? > ",
		      w->out);
		fflush(w->out);
		memset(d, 0, sizeof *d);
		switch (read_key(w)) {
		case 'a':
			assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_ACCEPTED);
			return 0;
		case 'r':
			assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_REJECTED);
			if (!read_reason(w, d->reason, sizeof d->reason))
				return -1;
			if (d->reason[strspn(d->reason, " \t")])
				return 0;
			fputs("  a rejection needs a reason\n", w->out);
			break;
		case 'c':
			if (agreement)
				break;
			assay_review_state_set(d->state, sizeof d->state, ASSAY_REVIEW_CORRECTED);
			if (!read_line(w, "  right value (e.g. 1.2 million): ", value, sizeof value))
				return -1;
			if (!assay_review_parse_value(value, &d->value)) {
				fputs("  that is not a number\n", w->out);
				break;
			}
			d->has_value = true;
			fprintf(w->out, "  unit [%s]: ", unit);
			if (!read_line(w, "", d->unit, sizeof d->unit))
				return -1;
			if (!strcmp(d->unit, unit))
				d->unit[0] = '\0';
			assay_review_carry(d, &sh->it.c.review); /* other fields set before stay */
			return 0;
		case 'f':
			how = fix_fields(w, sh, d);
			if (how <= 0)
				return how;
			break;
		case 'o':
			open_source(w, sh);
			break;
		case 's': case 'j': case '\n':
			return 1;
		case 'u':
			return 2;
		case 'q':
			return -1;
		case '?':
			show_keys(w, agreement);
			break;
		default:
			break;
		}
	}
}

static void count(struct walk *w, const char *state, int by)
{
	enum assay_review_state st;

	if (assay_review_state_parse(state, &st))
		w->done[st] += (size_t)by;
}

/* Walks @q; returns ASSAY_OK or the store's error. Undo makes the last
 * decision of this walk pending again (the history keeps both) and shows
 * that claim again. */
static int walk_queue(struct walk *w, struct assay_store *s, const struct assay_review_queue *q)
{
	long last = -1;
	char last_state[12] = "";

	for (size_t i = 0; i < q->n; i++) {
		struct assay_review d;
		struct shown sh;
		int rc, how;

		fprintf(w->out, "\n[%zu/%zu] %s %s\n", i + 1, q->n,
			q->rows[i]->is_agr ? "agreement" : "claim", q->rows[i]->id);
		rc = show(w, s, q->rows[i]->id, &sh);
		if (rc) {
			free(sh.it.src);
			return rc;
		}
		how = decide(w, &d, &sh);
		free(sh.it.src);
		if (how < 0)
			break;
		if (how == 2 && last < 0) {
			fputs("  nothing to undo\n", w->out);
			i--;
			continue;
		}
		if (how == 2) {
			memset(&d, 0, sizeof d);
			assay_review_state_set(d.state, sizeof d.state, ASSAY_REVIEW_PENDING);
			if (w->editor)
				assay_copy(d.who, sizeof d.who, w->editor);
			rc = assay_store_review(s, q->rows[last]->id, &d);
			if (rc)
				return rc;
			count(w, last_state, -1);
			w->skipped -= i - (size_t)last - 1; /* those are shown again */
			fprintf(w->out, "  undone: %s is pending again\n", q->rows[last]->id);
			i = (size_t)last - 1; /* wraps to SIZE_MAX for 0: the loop's ++ makes it 0 */
			last = -1;
			continue;
		}
		if (how > 0) {
			w->skipped++;
			continue;
		}
		if (w->editor)
			assay_copy(d.who, sizeof d.who, w->editor);
		rc = assay_store_review(s, q->rows[i]->id, &d);
		if (rc)
			return rc;
		count(w, d.state, 1);
		last = (long)i;
		snprintf(last_state, sizeof last_state, "%s", d.state);
		fprintf(w->out, "  -> %s\n", d.state);
	}
	return ASSAY_OK;
}

int cmd_review_next(const struct assay_review_filter *f, const char *editor,
		    const struct cli_globals *g)
{
	struct walk w = {.in = stdin, .out = stdout, .editor = editor};
	char why[4400];
	struct assay_review_queue q;
	struct assay_store *s;
	int rc;

	if (cli_editor(&w.editor))
		return CLI_FATAL;
	if (assay_review_reasons_load(g->db, &w.reasons, why, sizeof why) != ASSAY_OK) {
		assay_err("review: %s", why);
		return CLI_FATAL;
	}
	s = cli_store_open(g, false);
	if (!s)
		return CLI_FATAL;
	rc = assay_review_queue_load(s, f, &q);
	if (rc) {
		assay_err("review: %s", assay_store_errmsg(s));
		assay_store_close(s);
		return CLI_FATAL;
	}
	w.tty = isatty(fileno(w.in)) && tcgetattr(fileno(w.in), &w.saved) == 0;
	fprintf(w.out, "%zu pending to review (claims and agreements).\n", q.n);
	rc = walk_queue(&w, s, &q);
	fprintf(w.out, "\n%zu accepted, %zu rejected, %zu corrected, %zu skipped\n",
		w.done[1], w.done[2], w.done[3], w.skipped);
	if (rc)
		assay_err("review: %s", assay_store_errmsg(s));
	assay_review_queue_release(&q);
	assay_store_close(s);
	return rc ? CLI_FATAL : CLI_OK;
}
