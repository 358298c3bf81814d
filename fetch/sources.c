/* sources.c - the sources file: one source a line, '#' comments, and
 * optional settings after the source (delay=S since=DAYS ua="..."
 * private=yes).
 *
 * Relative local paths in a sources file are relative to the file's own
 * folder, so a sources file works from cron whatever the current
 * directory is. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "fetch.h"
#include "file.h"
#include "sources.h"

void assay_source_release(struct assay_source *s)
{
	free(s->target);
	free(s->user_agent);
	s->target = s->user_agent = NULL;
}

/* The next word, quoted or not; *p moves past it. New string or NULL. */
static char *next_word(const char **p)
{
	const char *s = *p, *e;
	char q = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	e = s;
	while (*e && (q || !isspace((unsigned char)*e))) {
		if (*e == '"' && (q == 0 || q == '"'))
			q = q ? 0 : '"';
		e++;
	}
	*p = e;
	return strndup(s, (size_t)(e - s));
}

static char *unquote(const char *v)
{
	size_t n = strlen(v);

	if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
		return strndup(v + 1, n - 2);
	return strdup(v);
}

static int set_setting(struct assay_source *s, const char *w)
{
	char *end;

	if (strncmp(w, "delay=", 6) == 0) {
		s->delay = strtod(w + 6, &end);
		return *end || end == w + 6 || s->delay < 0 ? ASSAY_EINVAL : ASSAY_OK;
	}
	if (strncmp(w, "since=", 6) == 0) {
		long d = strtol(w + 6, &end, 10);
		s->since_days = (int)d;
		return *end || end == w + 6 || d < 0 || d > 100000 ? ASSAY_EINVAL : ASSAY_OK;
	}
	if (strcmp(w, "private=yes") == 0 || strcmp(w, "private=no") == 0) {
		s->allow_private = w[8] == 'y';
		return ASSAY_OK;
	}
	if (strncmp(w, "ua=", 3) == 0) {
		free(s->user_agent);
		s->user_agent = unquote(w + 3);
		return s->user_agent ? ASSAY_OK : ASSAY_ENOMEM;
	}
	return ASSAY_EINVAL;
}

int assay_source_parse_line(const char *line, struct assay_source *out, char why[64])
{
	const char *p = line;
	char *w;
	int rc = ASSAY_OK;

	memset(out, 0, sizeof *out);
	out->delay = -1;
	out->since_days = -1;
	why[0] = 0;
	out->target = next_word(&p);
	if (!out->target)
		return ASSAY_EINVAL;
	while (!rc && (w = next_word(&p))) {
		rc = set_setting(out, w);
		if (rc == ASSAY_EINVAL)
			snprintf(why, 64, "%s", w);
		free(w);
	}
	if (rc)
		assay_source_release(out);
	return rc;
}

static bool is_local(const char *target)
{
	return strstr(target, "://") == NULL;
}

/* "dir/" + line when the line's source is a relative local path. */
static char *anchor_line(const char *dir, const char *line)
{
	struct assay_buf b = {0};
	const char *s = line;

	while (isspace((unsigned char)*s))
		s++;
	if (!is_local(s) || s[0] == '/' || !dir)
		return strdup(s);
	if (assay_buf_printf(&b, "%s/%s", dir, s))
		return NULL;
	return assay_buf_steal(&b);
}

static int push(char ***v, size_t *n, char *s)
{
	if (!s)
		return ASSAY_ENOMEM;
	if (assay_array_grow(v, *n, sizeof **v)) {
		free(s);
		return ASSAY_ENOMEM;
	}
	(*v)[(*n)++] = s;
	return ASSAY_OK;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : NULL;
}

int assay_sources_read(const char *path, char ***out, size_t *nout)
{
	struct assay_buf b = {0};
	char *dir = NULL, *line, *save = NULL;
	int rc;

	*out = NULL;
	*nout = 0;
	rc = assay_read_file(path, 1u << 20, &b);
	if (rc)
		goto fail;
	dir = dir_of(path);
	for (line = strtok_r(b.data ? b.data : (char *)"", "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *hash = strchr(line, '#'), *s = line;
		size_t n;

		/* '#' starts a comment at a line's start or after a blank. */
		if (hash && (hash == line || isspace((unsigned char)hash[-1])))
			*hash = 0;
		while (isspace((unsigned char)*s))
			s++;
		n = strlen(s);
		while (n && isspace((unsigned char)s[n - 1]))
			s[--n] = 0;
		if (!n)
			continue;
		if ((rc = push(out, nout, anchor_line(dir, s))))
			goto fail;
	}
	free(dir);
	assay_buf_release(&b);
	return ASSAY_OK;
fail:
	assay_sources_free(*out, *nout);
	*out = NULL;
	*nout = 0;
	free(dir);
	assay_buf_release(&b);
	return rc;
}

void assay_sources_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
