/* faults_util.h - helpers shared by the fault tests: paths into the
 * source tree, scratch folders, a real article (cleaned and extracted from
 * a corpus page) to store, folders of generated pages, and running the
 * assay binary. */
#ifndef ASSAY_TEST_FAULTS_UTIL_H
#define ASSAY_TEST_FAULTS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "pipeline.h"
#include "store.h"

/* $ASSAY_SOURCE_ROOT/@rel, in a static buffer (valid until the next call). */
const char *source_path(const char *rel);
/* $ASSAY_BIN; the test fails when unset. */
const char *assay_bin(void);

/* A fresh empty folder under /tmp; free() the result after fault_rmdir(). */
char *fault_tmpdir(void);
void fault_rmdir(const char *dir);

/* A corpus page as the pipeline would store it (under a fixed URL). */
struct sample_article {
	struct assay_buf raw;
	struct assay_processed pr;
	struct assay_article a;
};

int sample_article_load(const char *path, struct sample_article *out);
void sample_article_release(struct sample_article *sa);

/* Writes @n distinct article pages page00000.html... into @dir, each with
 * its own figures; @seed varies the words. */
void write_pages(const char *dir, int n, unsigned seed);

/* The page write_pages() writes as page @i; free() it. */
char *page_html(int i, unsigned seed);

/* Starts `assay --db DB ARGS...` with stdout and stderr to @out_path
 * (when not NULL); returns the child's pid. @args ends with NULL. */
pid_t assay_spawn(const char *db, const char *out_path, const char *const *args);
/* Waits for @pid; its exit status, or 128 + signal. */
int assay_wait(pid_t pid);
/* Runs assay to the end and returns its exit status. */
int assay_run(const char *db, const char *out_path, const char *const *args);

/* Number of articles in the store, or -1 when it does not open. */
long store_article_count(const char *dir);
/* True when no canonical URL is stored twice and every article reads. */
bool store_urls_unique(const char *dir);

/* Appends the whole file to @out; false when unreadable. */
bool slurp(const char *path, struct assay_buf *out);

#endif
