/* claims.c - one article's claims and agreements into the store: keys,
 * intervals, merging, conflict groups (claims.md section 4).
 *
 * A figure joins the first stored claim of its key whose interval meets
 * its own; otherwise it becomes a new claim of that key, and a key with
 * two or more claims is a conflict group. The claim's interval is its
 * first figure's, so a claim never drifts as evidence piles up, and the
 * id - a hash of key and first figure - stays the same when the same
 * pages are ingested or reprocessed again in the same order. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "claims_int.h"
#include "hash.h"
#include "str.h"
#include "vocab.h"

#define SEP '\x1f'

void store_claim_unit_family(const struct assay_claim *c, char *out, size_t size)
{
	if (c->price_per[0])
		snprintf(out, size, "%s/%s", c->unit, c->price_per);
	else
		snprintf(out, size, "%s", c->unit);
}

/* Appends @n strings to @out, SEP between them. The writer builds a key
 * string or two for every figure it stores: appended, they cost a tenth
 * of what printf did. */
static int put_fields(struct assay_buf *out, const char *const *f, size_t n)
{
	int rc = ASSAY_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		rc = i ? assay_buf_putc(out, SEP) : ASSAY_OK;
		rc = rc ? rc : assay_buf_puts(out, f[i]);
	}
	return rc;
}

int store_claim_key_string(const struct assay_claim *c, struct assay_buf *out)
{
	char fam[40];
	const char *f[] = {c->subject, c->metric, c->commodity, c->period, c->status, c->place,
			   fam};

	store_claim_unit_family(c, fam, sizeof fam);
	return put_fields(out, f, sizeof f / sizeof *f);
}

/* Half the step of the last digit written, in the claim's unit: "70%" is
 * 0.5, "694 million" 0.5e6, "1.2 mln tonnes" 0.05e6. */
static double written_half_step(const struct assay_claim *c, const char *text, size_t len)
{
	const char *p, *end;
	double written = 0, step = 1;
	bool digits = false, frac = false;

	if (!text || c->fig_end > len || c->fig_start >= c->fig_end)
		return fabs(c->value) * 0.005;
	p = text + c->fig_start;
	end = text + c->fig_end;
	while (p < end && !isdigit((unsigned char)*p))
		p++;
	for (; p < end; p++) {
		if (isdigit((unsigned char)*p)) {
			written = written * 10 + (*p - '0');
			digits = true;
			if (frac)
				step /= 10;
		} else if (*p == '.' && !frac && p + 1 < end && isdigit((unsigned char)p[1])) {
			frac = true;
		} else if (!(*p == ',' && p + 1 < end && isdigit((unsigned char)p[1]))) {
			break;
		}
	}
	if (!digits)
		return fabs(c->value) * 0.005;
	written *= step;
	if (written == 0)
		return 0.5 * step;
	return 0.5 * step * fabs(c->value / written);
}

void store_claim_interval(const struct assay_claim *c, const char *text, size_t len,
			  struct interval *iv)
{
	double v = c->value, d = fabs(v) * 0.1;
	enum assay_qualifier q = ASSAY_QUAL_EQ;

	memset(iv, 0, sizeof *iv);
	assay_qualifier_parse(c->qualifier, &q); /* "" (no qualifier) is eq */
	if (c->has_max) {
		iv->lo = v;
		iv->hi = c->value_max;
	} else if (q == ASSAY_QUAL_APPROX) {
		iv->lo = v - fabs(v) * 0.05;
		iv->hi = v + fabs(v) * 0.05;
	} else if (q == ASSAY_QUAL_LT || q == ASSAY_QUAL_LE) {
		iv->lo = v - d;
		iv->hi = v;
		iv->hi_open = q == ASSAY_QUAL_LT;
	} else if (q == ASSAY_QUAL_GT || q == ASSAY_QUAL_GE) {
		iv->lo = v;
		iv->hi = v + d;
		iv->lo_open = q == ASSAY_QUAL_GT;
	} else {
		double h = written_half_step(c, text, len);

		iv->lo = v - h;
		iv->hi = v + h;
	}
	if (!strcmp(c->unit, "%")) {
		iv->lo = iv->lo < 0 ? 0 : iv->lo;
		iv->hi = iv->hi > 100 ? 100 : iv->hi;
	}
}

bool store_interval_meets(const struct interval *a, const struct interval *b)
{
	double lo = a->lo > b->lo ? a->lo : b->lo;
	double hi = a->hi < b->hi ? a->hi : b->hi;
	bool lo_open = (a->lo == lo && a->lo_open) || (b->lo == lo && b->lo_open);
	bool hi_open = (a->hi == hi && a->hi_open) || (b->hi == hi && b->hi_open);

	if (lo < hi)
		return true;
	return lo == hi && !lo_open && !hi_open;
}

static void figure_text(const struct assay_claim *c, const char *text, size_t len,
			char *out, size_t size)
{
	size_t n;

	if (!text || c->fig_end > len || c->fig_start >= c->fig_end) {
		snprintf(out, size, "%g", c->value);
		return;
	}
	n = c->fig_end - c->fig_start;
	n = n < size - 1 ? n : size - 1;
	memcpy(out, text + c->fig_start, n); /* as "%.*s" (up to a NUL: the same string) */
	out[n] = '\0';
}

/* @v as "%.9g" writes it. A whole number under 10^9 is its digits (no
 * exponent, no point); printf is kept for the rest. */
static int put_g9(struct assay_buf *out, double v)
{
	char d[32];
	size_t n = sizeof d;

	if (fabs(v) < 1e9 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
		long long i = (long long)v;
		unsigned long long u = i < 0 ? 0ULL - (unsigned long long)i : (unsigned long long)i;

		do
			d[--n] = (char)('0' + u % 10);
		while (u /= 10);
		if (i < 0)
			d[--n] = '-';
		return assay_buf_append(out, d + n, sizeof d - n);
	}
	snprintf(d, sizeof d, "%.9g", v);
	return assay_buf_puts(out, d);
}

/* The figure part of a claim id: value, range end, qualifier, unit
 * ("%.9g" SEP "%.9g" SEP "%s" SEP "%s"). */
static int figure_repr(const struct assay_claim *c, struct assay_buf *out)
{
	const char *f[] = {"", c->qualifier, c->unit};
	int rc = put_g9(out, c->value);

	rc = rc ? rc : assay_buf_putc(out, SEP);
	rc = rc ? rc : put_g9(out, c->has_max ? c->value_max : 0.0);
	return rc ? rc : put_fields(out, f, 3);
}

static int encode_claim(const struct assay_claim *c, const struct interval *iv, uint64_t group,
			int64_t seq, const char *fig, struct assay_buf *v)
{
	char fam[40];
	int rc = ASSAY_OK;

	store_claim_unit_family(c, fam, sizeof fam);
	REC_PUT_KEY(rc, v, c);
	rc = rc ? rc : rec_put_str(v, fam);
	rc = rc ? rc : rec_put_f64(v, c->value);
	rc = rc ? rc : rec_put_f64(v, c->value_max);
	rc = rc ? rc : rec_put_i64(v, c->has_max);
	rc = rc ? rc : rec_put_str(v, c->unit);
	rc = rc ? rc : rec_put_str(v, c->qualifier);
	rc = rc ? rc : rec_put_str(v, c->per);
	rc = rc ? rc : rec_put_str(v, c->price_per);
	rc = rc ? rc : rec_put_str(v, c->change);
	rc = rc ? rc : rec_put_f64(v, iv->lo);
	rc = rc ? rc : rec_put_f64(v, iv->hi);
	rc = rc ? rc : rec_put_i64(v, iv->lo_open | iv->hi_open << 1);
	rc = rc ? rc : rec_put_i64(v, (int64_t)group);
	rc = rc ? rc : rec_put_i64(v, seq);
	rc = rc ? rc : rec_put_str(v, fig);
	return rc;
}

/* store_claim_decode, with the number of the claim's first article. */
static int decode_claim(const MDB_val *v, struct assay_stored_claim *o, int64_t *seq)
{
	struct rec_r r;
	int64_t open;

	memset(o, 0, sizeof *o);
	rec_init(&r, v->mv_data, v->mv_size);
	REC_GET_KEY(&r, &o->c);
	rec_get_str(&r, o->unit_family, sizeof o->unit_family);
	o->c.value = rec_get_f64(&r);
	o->c.value_max = rec_get_f64(&r);
	o->c.has_max = rec_get_i64(&r) != 0;
	rec_get_str(&r, o->c.unit, sizeof o->c.unit);
	rec_get_str(&r, o->c.qualifier, sizeof o->c.qualifier);
	rec_get_str(&r, o->c.per, sizeof o->c.per);
	rec_get_str(&r, o->c.price_per, sizeof o->c.price_per);
	rec_get_str(&r, o->c.change, sizeof o->c.change);
	o->lo = rec_get_f64(&r);
	o->hi = rec_get_f64(&r);
	open = rec_get_i64(&r);
	o->lo_open = open & 1;
	o->hi_open = open >> 1 & 1;
	o->group = (uint64_t)rec_get_i64(&r);
	*seq = rec_get_i64(&r);
	rec_get_str(&r, o->figure, sizeof o->figure);
	assay_review_state_set(o->review.state, sizeof o->review.state, ASSAY_REVIEW_PENDING);
	return r.bad ? ASSAY_EPARSE : ASSAY_OK;
}

int store_claim_decode(const MDB_val *v, struct assay_stored_claim *o)
{
	int64_t seq;

	return decode_claim(v, o, &seq);
}

/* True when the stored claim @v has exactly this key and figure. */
static bool same_identity(const MDB_val *v, const char *ident, size_t n)
{
	struct assay_stored_claim o;
	struct assay_buf b = {0};
	bool same;

	if (store_claim_decode(v, &o) || store_claim_key_string(&o.c, &b) || assay_buf_putc(&b, '\x1e') ||
	    figure_repr(&o.c, &b)) {
		assay_buf_release(&b);
		return false;
	}
	same = b.len == n && !memcmp(b.data, ident, n);
	assay_buf_release(&b);
	return same;
}

/* A free id for (key, figure): its hash, salted again on a collision with
 * a different claim. Sets *exists when this very claim is stored. */
static int claim_id(struct assay_store *s, MDB_txn *txn, const char *ident, size_t n,
		    char id[12], bool *exists)
{
	*exists = false;
	for (uint64_t salt = 0;; salt++) {
		MDB_val v;
		int rc;

		store_base32(assay_hash64(ident, n, salt), id, 8);
		rc = store_get(txn, s->dbi[T_CLAIMS], id, 8, &v);
		if (rc == MDB_NOTFOUND)
			return ASSAY_OK;
		if (rc)
			return store_mdb(s, rc, "reading claims");
		if (same_identity(&v, ident, n)) {
			*exists = true;
			return ASSAY_OK;
		}
	}
}

/* A double as 8 bytes whose unsigned big-endian order is the numbers'
 * order: the sign bit flipped for positives, every bit for negatives. */
static void sortable_f64(unsigned char *out, double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof u);
	u = (u >> 63) ? ~u : u | (uint64_t)1 << 63;
	rec_be64(out, u);
}

static double unsortable_f64(const unsigned char *in)
{
	uint64_t u = rec_from_be64(in);
	double d;

	u = (u >> 63) ? u & ~((uint64_t)1 << 63) : ~u;
	memcpy(&d, &u, sizeof d);
	return d;
}

void store_claimkey_value(const struct interval *iv, const char *id,
			  unsigned char out[CLAIMKEY_LEN])
{
	sortable_f64(out, iv->lo);
	sortable_f64(out + 8, iv->hi);
	out[16] = (unsigned char)(iv->lo_open | iv->hi_open << 1);
	memcpy(out + 17, id, 8);
}

bool store_claimkey_parse(const MDB_val *v, struct interval *iv, MDB_val *id)
{
	const unsigned char *p = v->mv_data;

	if (v->mv_size != CLAIMKEY_LEN)
		return false;
	iv->lo = unsortable_f64(p);
	iv->hi = unsortable_f64(p + 8);
	iv->lo_open = p[16] & 1;
	iv->hi_open = p[16] >> 1 & 1;
	*id = (MDB_val){8, (void *)(p + 17)};
	return true;
}

/* The stored claim of this key whose interval meets @iv, if any (of
 * several, the one with the lowest id); *nkey > 0 when the key has any
 * claim. The values sort by lo: the walk stops at the first that starts
 * above @iv, so a key with many figures costs a short scan of its index
 * entries, not a read of each claim. */
static int find_meeting(struct assay_store *s, MDB_txn *txn, const unsigned char gk[8],
			const struct interval *iv, char id[12], size_t *nkey)
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, v;
	int rc;

	id[0] = '\0';
	*nkey = 0;
	rc = mdb_cursor_open(txn, s->dbi[T_CLAIMKEYS], &c);
	if (rc)
		return store_mdb(s, rc, "reading claim keys");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_SET); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
		struct interval other;
		MDB_val oid;

		(*nkey)++;
		if (!store_claimkey_parse(&v, &other, &oid) || store_claimkey_moved(&v))
			continue; /* a claim an editor gave this key: only its own figure joins it */
		if (other.lo > iv->hi)
			break;
		if (store_interval_meets(iv, &other) && (!id[0] || memcmp(oid.mv_data, id, 8) < 0)) {
			memcpy(id, oid.mv_data, 8);
			id[8] = '\0';
		}
	}
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "reading claim keys");
}

static int put_conflict(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group);
static int del_conflict(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group);

/* ---- A corrected key: the claim in the group of the key it stands under ----
 *
 * A claim is filed (claims' group, claimkeys) under the hash of its key as
 * the editors left it: an editor who corrects its subject, metric,
 * commodity, period, status, place or unit moves it, with all its sources,
 * to the group of the corrected key, and undoing the correction moves it
 * back. Its id stays the hash of the extracted key and first figure, so
 * the same figure found again still reaches it (claim_id()). An entry
 * moved into a group is flagged (CLAIMKEY_MOVED): figures extracted with
 * that key do not join it (find_meeting()), so what a claim holds never
 * depends on when an editor decided. */

static uint64_t key_hash(const struct assay_claim *c, bool *ok)
{
	struct assay_buf b = {0};
	uint64_t h = 0;

	*ok = store_claim_key_string(c, &b) == ASSAY_OK;
	if (*ok)
		h = assay_hash64(b.data, b.len, 0);
	assay_buf_release(&b);
	return h;
}

static void fix_field(char *field, size_t size, const char *fix)
{
	if (fix[0])
		snprintf(field, size, "%s", fix);
}

void assay_store_reviewed_key(const struct assay_claim *c, const struct assay_review *r,
			      struct assay_claim *out)
{
	const struct assay_review_fix *f = &r->fix;

	*out = *c;
	if (!assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED))
		return;
	if (r->has_value)
		fix_field(out->unit, sizeof out->unit, r->unit);
#define FIX(name) fix_field(out->name, sizeof out->name, f->name);
	ASSAY_CLAIM_KEY_FIELDS(FIX)
#undef FIX
}

bool store_claimkey_moved(const MDB_val *v)
{
	return v->mv_size == CLAIMKEY_LEN && (((const unsigned char *)v->mv_data)[16] & CLAIMKEY_MOVED);
}

/* Claim @o's entry in the claimkeys of its group (o->group). */
static void member_value(const struct assay_stored_claim *o, const char *id,
			 unsigned char ck[CLAIMKEY_LEN])
{
	bool ok;
	uint64_t native = key_hash(&o->c, &ok);

	store_claimkey_value(&(struct interval){o->lo, o->hi, o->lo_open, o->hi_open}, id, ck);
	if (ok && native != o->group)
		ck[16] |= CLAIMKEY_MOVED;
}

static size_t group_size(struct assay_store *s, MDB_txn *txn, const unsigned char gk[8])
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, v;
	size_t n = 0;

	if (mdb_cursor_open(txn, s->dbi[T_CLAIMKEYS], &c))
		return 0;
	if (store_mdb_cursor_get(c, &k, &v, MDB_SET) == 0)
		store_mdb_cursor_count(c, &n);
	mdb_cursor_close(c);
	return n;
}

int store_claim_regroup(struct assay_store *s, MDB_txn *txn, const char *id)
{
	struct assay_stored_claim o;
	struct assay_claim now;
	struct assay_buf rec = {0};
	unsigned char ogk[8], ngk[8], ock[CLAIMKEY_LEN], nck[CLAIMKEY_LEN];
	uint64_t target, was;
	int64_t seq;
	MDB_val v;
	bool ok;
	int rc;

	if (store_get(txn, s->dbi[T_CLAIMS], id, strlen(id), &v) || decode_claim(&v, &o, &seq))
		return ASSAY_OK; /* no claim (an agreement's id), or a damaged one: left */
	if (store_get(txn, s->dbi[T_REVIEWS], id, strlen(id), &v) == 0)
		store_review_decode(&v, &o.review);
	assay_store_reviewed_key(&o.c, &o.review, &now);
	target = key_hash(&now, &ok);
	if (!ok)
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	if (target == o.group)
		return ASSAY_OK;
	was = o.group;
	member_value(&o, id, ock);
	rec_be64(ogk, was);
	rc = store_mdb_del(txn, s->dbi[T_CLAIMKEYS], &(MDB_val){8, ogk}, &(MDB_val){sizeof ock, ock});
	if (rc && rc != MDB_NOTFOUND)
		return store_mdb(s, rc, "moving a claim");
	o.group = target;
	member_value(&o, id, nck);
	rec_be64(ngk, target);
	rc = encode_claim(&o.c, &(struct interval){o.lo, o.hi, o.lo_open, o.hi_open}, target, seq,
			  o.figure, &rec);
	if (rc)
		rc = store_fail(s, ASSAY_ENOMEM, "out of memory");
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_CLAIMS], id, strlen(id), rec.data, rec.len, 0),
			       "moving a claim");
	assay_buf_release(&rec);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_CLAIMKEYS], ngk, 8, nck, sizeof nck, 0),
			       "moving a claim");
	/* the group left: still a conflict with two claims or more */
	if (!rc)
		rc = group_size(s, txn, ogk) >= 2 ? store_group_mark(s, 'c', was)
						  : del_conflict(s, txn, 'c', was);
	if (!rc && group_size(s, txn, ngk) >= 2)
		rc = put_conflict(s, txn, 'c', target);
	return rc ? rc : store_group_mark(s, 'c', target);
}

static int put_conflict(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group)
{
	unsigned char k[9];
	int rc;

	k[0] = (unsigned char)kind;
	rec_be64(k + 1, group);
	rc = store_put(txn, s->dbi[T_CONFLICTS], k, 9, "", 0, MDB_NOOVERWRITE);
	if (rc == MDB_KEYEXIST) /* a conflict already: its summary stays */
		return ASSAY_OK;
	rc = store_mdb(s, rc, "writing conflicts");
	return rc ? rc : store_group_mark(s, kind, group); /* summed up at commit */
}

static int del_conflict(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group)
{
	unsigned char k[9];
	MDB_val key = {9, k};
	int rc;

	k[0] = (unsigned char)kind;
	rec_be64(k + 1, group);
	rc = store_mdb_del(txn, s->dbi[T_CONFLICTS], &key, NULL);
	return rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "writing conflicts");
}

static int new_claim(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
		     const struct assay_claim *c, const struct interval *iv, uint64_t group,
		     int64_t seq, const char id[12], size_t nkey)
{
	struct assay_buf v = {0};
	unsigned char gk[8], ck[CLAIMKEY_LEN];
	char fig[64];
	int rc;

	figure_text(c, a->text, a->text_len, fig, sizeof fig);
	rc = encode_claim(c, iv, group, seq, fig, &v);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_CLAIMS], id, 8, v.data, v.len, 0),
			       "writing a claim");
	rec_be64(gk, group);
	store_claimkey_value(iv, id, ck);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_CLAIMKEYS], gk, 8, ck, sizeof ck, 0),
			       "writing claim keys");
	if (!rc && nkey >= 1)
		rc = put_conflict(s, txn, 'c', group);
	assay_buf_release(&v);
	return rc;
}

static int evidence_text(const struct assay_article *a, const struct assay_evidence *e,
			 struct assay_buf *v)
{
	size_t n = 0;
	const char *p = NULL;

	if (a->text && e->end <= a->text_len && e->start < e->end) {
		p = a->text + e->start;
		n = e->end - e->start;
		if (n > EVIDENCE_MAX) {
			n = EVIDENCE_MAX;
			while (n > 0 && ((unsigned char)p[n] & 0xc0) == 0x80)
				n--; /* cut on a character boundary */
		}
	}
	return rec_put_mem(v, p ? p : "", n);
}

/* Files @id among what article @seq supports (once, however many
 * figures of the article it has). */
static int put_artev(struct assay_store *s, MDB_txn *txn, int64_t seq, const char *id, size_t idl)
{
	unsigned char key[8 + 12];

	rec_be64(key, (uint64_t)seq);
	memcpy(key + 8, id, idl);
	return store_mdb(s, store_put(txn, s->dbi[T_ARTEV], key, 8 + idl, "", 0, 0),
			 "writing the article index");
}

static int put_evidence(struct assay_store *s, MDB_txn *txn, int table, const char *id,
			int64_t seq, uint32_t idx, const struct assay_article *a, const char *story,
			const struct assay_evidence *e, const struct assay_claim *c)
{
	unsigned char key[12 + 12];
	size_t idl = strlen(id);
	struct assay_buf v = {0};
	char fig[64] = "";
	int rc;

	memcpy(key, id, idl);
	rec_be64(key + idl, (uint64_t)seq);
	for (int i = 0; i < 4; i++)
		key[idl + 8 + i] = (unsigned char)(idx >> (24 - 8 * i));
	if (c)
		figure_text(c, a->text, a->text_len, fig, sizeof fig);
	rc = rec_put_str(&v, a->url);
	rc = rc ? rc : rec_put_str(&v, story);
	rc = rc ? rc : rec_put_i64(&v, (int64_t)e->start);
	rc = rc ? rc : rec_put_i64(&v, (int64_t)e->end);
	rc = rc ? rc : evidence_text(a, e, &v);
	rc = rc ? rc : rec_put_f64(&v, c ? c->value : 0);
	rc = rc ? rc : rec_put_f64(&v, c ? c->value_max : 0);
	rc = rc ? rc : rec_put_i64(&v, c ? c->has_max : 0);
	rc = rc ? rc : rec_put_str(&v, c ? c->qualifier : "");
	rc = rc ? rc : rec_put_str(&v, c ? c->unit : "");
	rc = rc ? rc : rec_put_str(&v, fig);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[table], key, idl + 12, v.data, v.len, 0),
			       "writing evidence");
	if (!rc)
		rc = put_artev(s, txn, seq, id, idl);
	assay_buf_release(&v);
	return rc;
}

/* A figure that joins claim @id may have been decided on before as a
 * claim of its own (its id, @fig_id, was the claim's id when it came first,
 * and reprocess or a new page order made another figure first). Its
 * decision then moves to @id, unless @id has one: a decision on a key and
 * figure is never lost. The history keeps both ids' entries. */
static int carry_decision(struct assay_store *s, MDB_txn *txn, const char *id,
			  const char *fig_id, bool *carried)
{
	MDB_val v, mine;
	int rc;

	*carried = false;
	if (!strcmp(id, fig_id) || store_get(txn, s->dbi[T_REVIEWS], fig_id, 8, &v) ||
	    !store_get(txn, s->dbi[T_REVIEWS], id, 8, &mine))
		return ASSAY_OK;
	rc = store_put(txn, s->dbi[T_REVIEWS], id, 8, v.mv_data, v.mv_size, 0);
	*carried = rc == 0;
	return store_mdb(s, rc, "carrying a review");
}

/* The group claim @id is filed under now. */
static int claim_group(struct assay_store *s, MDB_txn *txn, const char *id, uint64_t *group)
{
	struct assay_stored_claim o;
	MDB_val v;
	int rc = store_get(txn, s->dbi[T_CLAIMS], id, strlen(id), &v);

	if (rc)
		return store_mdb(s, rc, "reading a claim");
	if (store_claim_decode(&v, &o) == ASSAY_OK)
		*group = o.group;
	return ASSAY_OK;
}

static int put_claim(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
		     const struct assay_claim *c, int64_t seq, uint32_t idx, const char *story,
		     size_t *new_claims)
{
	struct assay_buf ident = {0};
	struct interval iv;
	unsigned char gk[8];
	uint64_t group;
	size_t nkey;
	char id[12];
	bool exists = false, reviewed = false;
	int rc = store_claim_key_string(c, &ident);

	if (rc)
		return rc;
	group = assay_hash64(ident.data, ident.len, 0);
	rec_be64(gk, group);
	store_claim_interval(c, a->text, a->text_len, &iv);
	rc = find_meeting(s, txn, gk, &iv, id, &nkey);
	rc = rc ? rc : assay_buf_putc(&ident, '\x1e');
	rc = rc ? rc : figure_repr(c, &ident);
	if (!rc && !id[0]) {
		rc = claim_id(s, txn, ident.data, ident.len, id, &exists);
		if (!rc && !exists) {
			rc = new_claim(s, txn, a, c, &iv, group, seq, id, nkey);
			(*new_claims)++;
		}
		/* decided on before (reprocess, a page again): perhaps moved */
		reviewed = !rc && !store_get(txn, s->dbi[T_REVIEWS], id, strlen(id), &(MDB_val){0});
		if (reviewed)
			rc = store_claim_regroup(s, txn, id);
		if (!rc && (reviewed || exists))
			rc = claim_group(s, txn, id, &group);
	} else if (!rc) {
		char fig_id[12];
		bool carried;

		store_base32(assay_hash64(ident.data, ident.len, 0), fig_id, 8);
		rc = carry_decision(s, txn, id, fig_id, &carried);
		reviewed = carried;
		if (!rc && carried) {
			rc = store_claim_regroup(s, txn, id);
			rc = rc ? rc : claim_group(s, txn, id, &group);
		}
	}
	if (!rc)
		rc = put_evidence(s, txn, T_EVIDENCE, id, seq, idx, a, story, &c->evidence, c);
	/* the claim's group, moved or not: a source more, or a member; one
	 * with a decision changes the group's counts of them */
	if (!rc)
		rc = reviewed ? store_group_mark(s, 'c', group)
			      : store_group_touch(s, txn, 'c', group, story);
	assay_buf_release(&ident);
	return rc;
}

static int parties_string(const struct assay_agreement *g, struct assay_buf *out)
{
	int rc = ASSAY_OK;

	for (int i = 0; i < g->nparties && i < ASSAY_MAX_PARTIES && !rc; i++) {
		rc = i ? assay_buf_putc(out, '+') : ASSAY_OK;
		rc = rc ? rc : assay_buf_puts(out, g->parties[i]);
	}
	return rc;
}

int store_agreement_decode(const MDB_val *v, struct assay_stored_agreement *o)
{
	struct rec_r r;

	memset(o, 0, sizeof *o);
	rec_init(&r, v->mv_data, v->mv_size);
	rec_get_str(&r, o->a.type, sizeof o->a.type);
	o->a.nparties = (int)rec_get_i64(&r);
	if (o->a.nparties < 0 || o->a.nparties > ASSAY_MAX_PARTIES)
		return ASSAY_EPARSE;
	for (int i = 0; i < o->a.nparties; i++)
		rec_get_str(&r, o->a.parties[i], sizeof o->a.parties[i]);
	rec_get_str(&r, o->a.status, sizeof o->a.status);
	rec_get_str(&r, o->a.topic, sizeof o->a.topic);
	o->group = (uint64_t)rec_get_i64(&r);
	rec_get_i64(&r); /* first article */
	assay_review_state_set(o->review.state, sizeof o->review.state, ASSAY_REVIEW_PENDING);
	return r.bad ? ASSAY_EPARSE : ASSAY_OK;
}

static int encode_agreement(const struct assay_agreement *g, uint64_t group, int64_t seq,
			    struct assay_buf *v)
{
	int n = g->nparties < ASSAY_MAX_PARTIES ? g->nparties : ASSAY_MAX_PARTIES;
	int rc = rec_put_str(v, g->type);

	rc = rc ? rc : rec_put_i64(v, n);
	for (int i = 0; i < n && !rc; i++)
		rc = rec_put_str(v, g->parties[i]);
	rc = rc ? rc : rec_put_str(v, g->status);
	rc = rc ? rc : rec_put_str(v, g->topic);
	rc = rc ? rc : rec_put_i64(v, (int64_t)group);
	rc = rc ? rc : rec_put_i64(v, seq);
	return rc;
}

/* Marks the parties' group a conflict when its statuses fall in two or
 * more classes (assay_agreement_status_class()). */
static int check_agreement_group(struct assay_store *s, MDB_txn *txn, uint64_t group)
{
	unsigned char gk[8];
	MDB_cursor *c;
	MDB_val k = {8, gk}, v, av;
	char first[16] = "";
	bool conflict = false;
	int rc;

	rec_be64(gk, group);
	rc = mdb_cursor_open(txn, s->dbi[T_AGRGROUPS], &c);
	if (rc)
		return store_mdb(s, rc, "reading agreements");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_SET); rc == 0 && !conflict;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
		struct assay_stored_agreement o;
		const char *cls;

		if (store_mdb_get(txn, s->dbi[T_AGREEMENTS], &v, &av) || store_agreement_decode(&av, &o))
			continue;
		cls = assay_agreement_status_class(o.a.status);
		if (!first[0])
			snprintf(first, sizeof first, "%s", cls);
		else if (strcmp(first, cls))
			conflict = true;
	}
	mdb_cursor_close(c);
	return conflict ? put_conflict(s, txn, 'a', group) : del_conflict(s, txn, 'a', group);
}

static int put_agreement(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			 const struct assay_agreement *g, int64_t seq, uint32_t idx,
			 const char *story)
{
	struct assay_buf ident = {0}, v = {0};
	unsigned char gk[8];
	uint64_t group;
	char id[12];
	MDB_val old;
	int rc = parties_string(g, &ident);

	if (rc)
		goto done;
	group = assay_hash64(ident.data, ident.len, 0);
	{
		const char *f[] = {"", g->type, g->status, g->topic}; /* "\x1f%s\x1f%s\x1f%s" */

		rc = put_fields(&ident, f, 4);
	}
	if (rc)
		goto done;
	id[0] = 'a';
	store_base32(assay_hash64(ident.data, ident.len, 0xa9), id + 1, 8);
	rc = store_get(txn, s->dbi[T_AGREEMENTS], id, 9, &old);
	if (rc == MDB_NOTFOUND) {
		rec_be64(gk, group);
		rc = encode_agreement(g, group, seq, &v);
		rc = rc ? rc : store_mdb(s, store_put(txn, s->dbi[T_AGREEMENTS], id, 9, v.data,
						      v.len, 0), "writing an agreement");
		rc = rc ? rc : store_mdb(s, store_put(txn, s->dbi[T_AGRGROUPS], gk, 8, id, 9, 0),
					 "writing an agreement");
		rc = rc ? rc : check_agreement_group(s, txn, group);
	} else if (rc) {
		rc = store_mdb(s, rc, "reading agreements");
	}
	if (!rc)
		rc = put_evidence(s, txn, T_AGREV, id, seq, idx, a, story, &g->evidence, NULL);
	/* a source more, or a member: one with a decision changes the counts */
	if (!rc && !store_get(txn, s->dbi[T_REVIEWS], id, 9, &old))
		rc = store_group_mark(s, 'a', group);
	else if (!rc)
		rc = store_group_touch(s, txn, 'a', group, story);
done:
	assay_buf_release(&ident);
	assay_buf_release(&v);
	return rc;
}

int store_put_claims_txn(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			 int64_t seq, const char *story, size_t *new_claims)
{
	const struct assay_extraction *x = a->x;
	int rc = ASSAY_OK;

	*new_claims = 0;
	if (!x)
		return ASSAY_OK;
	for (size_t i = 0; i < x->nclaims && !rc; i++)
		rc = put_claim(s, txn, a, &x->claims[i], seq, (uint32_t)i, story, new_claims);
	for (size_t i = 0; i < x->nagreements && !rc; i++)
		rc = put_agreement(s, txn, a, &x->agreements[i], seq, (uint32_t)i, story);
	return rc;
}

/* ---- Taking an article's claims back out (an update of its page) ---- */

/* True when some evidence is still filed under @id in @table. */
static bool has_evidence(struct assay_store *s, MDB_txn *txn, int table, const char *id)
{
	size_t idl = strlen(id);
	MDB_cursor *c;
	MDB_val k = {idl, (void *)id}, v;
	bool any = false;

	if (mdb_cursor_open(txn, s->dbi[table], &c))
		return true;
	if (store_mdb_cursor_get(c, &k, &v, MDB_SET_RANGE) == 0)
		any = k.mv_size == idl + 12 && !memcmp(k.mv_data, id, idl);
	mdb_cursor_close(c);
	return any;
}

/* Removes a claim or agreement that no evidence supports any more, with
 * its place in its group; the group's conflict mark is decided again. Its
 * review stays: the same key and figure found again get it back. */
static int drop_unsupported(struct assay_store *s, MDB_txn *txn, bool agr, const char *id)
{
	MDB_val k = {strlen(id), (void *)id}, v, gv, member;
	unsigned char gk[8], ck[CLAIMKEY_LEN];
	uint64_t group;
	MDB_cursor *c;
	size_t left = 0;
	int rc;

	if (store_mdb_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], &k, &v))
		return ASSAY_OK;
	member = k;
	if (agr) {
		struct assay_stored_agreement o;

		group = store_agreement_decode(&v, &o) ? 0 : o.group;
	} else {
		struct assay_stored_claim o;

		group = store_claim_decode(&v, &o) ? 0 : o.group;
		member_value(&o, id, ck);
		member = (MDB_val){sizeof ck, ck};
	}
	/* a source less changes the group's stories even when the member stays */
	rc = store_group_mark(s, agr ? 'a' : 'c', group);
	if (rc || has_evidence(s, txn, agr ? T_AGREV : T_EVIDENCE, id))
		return rc;
	rec_be64(gk, group);
	gv = (MDB_val){8, gk};
	store_mdb_del(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &gv, &member);
	rc = store_mdb_del(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], &k, NULL);
	if (rc)
		return store_mdb(s, rc, "removing a claim");
	if (agr)
		return check_agreement_group(s, txn, group);
	if (!mdb_cursor_open(txn, s->dbi[T_CLAIMKEYS], &c)) {
		if (store_mdb_cursor_get(c, &gv, &v, MDB_SET) == 0)
			store_mdb_cursor_count(c, &left);
		mdb_cursor_close(c);
	}
	return left >= 2 ? ASSAY_OK : del_conflict(s, txn, 'c', group);
}

/* Deletes every evidence article @seq gave in @table and collects the ids
 * it supported. A scan: updates of a stored page are rare. */
static int drop_evidence(struct assay_store *s, MDB_txn *txn, int table, int64_t seq,
			 struct assay_buf *ids)
{
	unsigned char want[8];
	MDB_cursor *c;
	MDB_val k, v;
	int rc;

	rec_be64(want, (uint64_t)seq);
	rc = mdb_cursor_open(txn, s->dbi[table], &c);
	if (rc)
		return store_mdb(s, rc, "reading evidence");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		size_t idl = k.mv_size - 12;

		if (k.mv_size < 13 || k.mv_size > 24 || memcmp((char *)k.mv_data + idl, want, 8))
			continue;
		if (assay_buf_append(ids, k.mv_data, idl) || assay_buf_putc(ids, '\0')) {
			rc = ASSAY_ENOMEM;
			break;
		}
		rc = store_mdb_cursor_del(c, 0);
		if (rc)
			break;
	}
	mdb_cursor_close(c);
	if (rc == ASSAY_ENOMEM)
		return store_fail(s, rc, "out of memory");
	return rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "removing evidence");
}

/* Takes article @seq out of the artev index. */
static int drop_artev(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	unsigned char want[8];
	MDB_cursor *c;
	MDB_val k = {8, want}, v;
	int rc;

	rec_be64(want, (uint64_t)seq);
	rc = mdb_cursor_open(txn, s->dbi[T_ARTEV], &c);
	if (rc)
		return store_mdb(s, rc, "reading the article index");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
	     rc == 0 && k.mv_size > 8 && !memcmp(k.mv_data, want, 8);
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_SET_RANGE)) {
		rc = store_mdb_cursor_del(c, 0);
		if (rc)
			break;
		k = (MDB_val){8, want};
	}
	mdb_cursor_close(c);
	return rc == 0 || rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "removing from the article index");
}

int store_drop_article_claims(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	int rc = drop_artev(s, txn, seq);

	if (rc)
		return rc;
	for (int pass = 0; pass < 2; pass++) {
		struct assay_buf ids = {0};

		rc = drop_evidence(s, txn, pass ? T_AGREV : T_EVIDENCE, seq, &ids);

		for (size_t at = 0; !rc && at < ids.len; at += strlen(ids.data + at) + 1)
			rc = drop_unsupported(s, txn, pass == 1, ids.data + at);
		assay_buf_release(&ids);
		if (rc)
			return rc;
	}
	return ASSAY_OK;
}
