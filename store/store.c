/* store.c - PLACEHOLDER until the store lands. */
#include <string.h>
#include "assay.h"
#include "store.h"
int assay_store_open(const char *dir, unsigned flags, struct assay_store **out) { (void)dir; (void)flags; *out = NULL; return ASSAY_EINVAL; }
void assay_store_close(struct assay_store *s) { (void)s; }
const char *assay_store_errmsg(const struct assay_store *s) { (void)s; return "not implemented"; }
bool assay_store_has_url(struct assay_store *s, const char *u) { (void)s; (void)u; return false; }
int assay_store_put_article(struct assay_store *s, const struct assay_article *a, struct assay_put_result *r) { (void)s; (void)a; (void)r; return ASSAY_EINVAL; }
int assay_store_stats(struct assay_store *s, struct assay_store_stats *o) { (void)s; memset(o, 0, sizeof *o); return ASSAY_EINVAL; }
int assay_store_kv_get(struct assay_store *s, const char *t, const char *k, struct assay_buf *v) { (void)s; (void)t; (void)k; (void)v; return ASSAY_ENOTFOUND; }
int assay_store_kv_put(struct assay_store *s, const char *t, const char *k, const void *v, size_t n) { (void)s; (void)t; (void)k; (void)v; (void)n; return ASSAY_EINVAL; }
int assay_store_kv_del(struct assay_store *s, const char *t, const char *k) { (void)s; (void)t; (void)k; return ASSAY_EINVAL; }
int assay_store_lock(struct assay_store *s, bool w) { (void)s; (void)w; return ASSAY_OK; }
void assay_store_unlock(struct assay_store *s) { (void)s; }
