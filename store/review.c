/* review.c - editors' decisions on claims and agreements, and their history.
 *
 * A decision is kept under the claim's id, which is a hash of the claim's
 * key and first figure, in a table that re-crawls and reprocess never
 * touch: the same key and figure found again get the same id and so the
 * same decision. The history table only grows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "assay.h"
#include "claims_int.h"
#include "vocab.h"

static int encode_review(const struct assay_review *d, struct assay_buf *v)
{
	int rc = rec_put_str(v, d->state);

	rc = rc ? rc : rec_put_str(v, d->reason);
	rc = rc ? rc : rec_put_f64(v, d->value);
	rc = rc ? rc : rec_put_str(v, d->unit);
	rc = rc ? rc : rec_put_i64(v, d->has_value);
	rc = rc ? rc : rec_put_str(v, d->who);
	rc = rc ? rc : rec_put_i64(v, d->when);
	/* added later: records written before end here (store_review_decode) */
	REC_PUT_KEY(rc, v, &d->fix);
	rc = rc ? rc : rec_put_str(v, d->fix.type);
	rc = rc ? rc : rec_put_i64(v, d->fix.nparties);
	for (int i = 0; i < d->fix.nparties && i < ASSAY_MAX_PARTIES && !rc; i++)
		rc = rec_put_str(v, d->fix.parties[i]);
	return rc;
}

struct review_op {
	const char *id;
	const struct assay_review *d;
	uint64_t stamp;
};

/* A decision can resolve its conflict group, or open it again. */
static int mark_group(struct assay_store *s, MDB_txn *txn, bool agr, const char *id, size_t idl)
{
	struct assay_stored_agreement a;
	struct assay_stored_claim c;
	MDB_val v;

	if (store_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], id, idl, &v))
		return ASSAY_OK;
	if (agr)
		return store_agreement_decode(&v, &a) ? ASSAY_OK : store_group_mark(s, 'a', a.group);
	return store_claim_decode(&v, &c) ? ASSAY_OK : store_group_mark(s, 'c', c.group);
}

static int review_fn(struct assay_store *s, MDB_txn *txn, void *ctx)
{
	struct review_op *op = ctx;
	size_t idl = strlen(op->id);
	unsigned char key[16 + 16];
	struct assay_buf v = {0};
	MDB_val tmp;
	bool agr = op->id[0] == 'a' && idl == 9;
	int rc;

	if (idl > 15 || store_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], op->id, idl, &tmp))
		return store_fail(s, ASSAY_ENOTFOUND, "no claim or agreement with id '%s'", op->id);
	rc = encode_review(op->d, &v);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_REVIEWS], op->id, idl, v.data, v.len, 0),
			       "writing a review");
	memcpy(key, op->id, idl);
	rec_be64(key + idl, (uint64_t)op->d->when);
	rec_be64(key + idl + 8, op->stamp);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_REVIEWLOG], key, idl + 16, v.data, v.len, 0),
			       "writing review history");
	assay_buf_release(&v);
	if (!rc && !agr) /* a corrected key moves the claim, undoing it moves it back */
		rc = store_claim_regroup(s, txn, op->id);
	return rc ? rc : mark_group(s, txn, agr, op->id, idl);
}

static bool fix_has_claim_fields(const struct assay_review_fix *f)
{
	return f->subject[0] || f->metric[0] || f->commodity[0] || f->period[0] || f->place[0];
}

/* A correction sets something right, and only what its kind has. */
static int check_fix(struct assay_store *s, const char *id, const struct assay_review *r)
{
	const struct assay_review_fix *f = &r->fix;
	bool agr = id[0] == 'a' && strlen(id) == 9;

	if (f->nparties < 0 || f->nparties > ASSAY_MAX_PARTIES)
		return store_fail(s, ASSAY_EINVAL, "a correction names 0 to %d parties",
				  ASSAY_MAX_PARTIES);
	if (agr && (r->has_value || fix_has_claim_fields(f)))
		return store_fail(s, ASSAY_EINVAL, "an agreement's correction sets its type, "
				  "parties or status");
	if (!agr && (f->type[0] || f->nparties))
		return store_fail(s, ASSAY_EINVAL, "a claim has no type or parties to correct");
	if (!r->has_value && !fix_has_claim_fields(f) && !f->status[0] && !f->type[0] &&
	    !f->nparties)
		return store_fail(s, ASSAY_EINVAL, "a correction needs a value or a field to set");
	return ASSAY_OK;
}

int assay_store_review(struct assay_store *s, const char *id, const struct assay_review *d)
{
	struct assay_review r = *d;
	struct review_op op = {NULL, &r, 0};
	struct timespec ts;
	char nid[16];
	const char *user;
	int rc;

	if (!assay_review_state_parse(r.state, NULL))
		return store_fail(s, ASSAY_EINVAL, "unknown review state '%s'", r.state);
	store_normalize_id(id, nid, sizeof nid);
	if (!assay_review_state_is(r.state, ASSAY_REVIEW_CORRECTED))
		memset(&r.fix, 0, sizeof r.fix);
	else if ((rc = check_fix(s, nid, &r)))
		return rc;
	if (!r.who[0]) {
		user = getenv("USER");
		snprintf(r.who, sizeof r.who, "%s", user && *user ? user : "unknown");
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	if (!r.when)
		r.when = (int64_t)ts.tv_sec;
	op.stamp = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	op.id = nid;
	return store_write(s, review_fn, &op);
}

int assay_store_review_history(struct assay_store *s, const char *id,
			       struct assay_review **out, size_t *n)
{
	char nid[16];
	size_t idl, cap = 0;
	MDB_txn *txn;
	MDB_cursor *c;
	MDB_val k, v;
	int rc;

	*out = NULL;
	*n = 0;
	store_normalize_id(id, nid, sizeof nid);
	idl = strlen(nid);
	rc = store_read_begin(s, &txn);
	if (rc)
		return rc;
	rc = mdb_cursor_open(txn, s->dbi[T_REVIEWLOG], &c);
	if (rc) {
		store_mdb_abort(txn);
		return store_mdb(s, rc, "reading review history");
	}
	k = (MDB_val){idl, nid};
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != idl + 16 || memcmp(k.mv_data, nid, idl))
			break;
		if (assay_array_reserve(out, &cap, *n + 1, sizeof **out)) {
			rc = ASSAY_ENOMEM;
			break;
		}
		store_review_decode(&v, &(*out)[(*n)++]);
	}
	mdb_cursor_close(c);
	store_mdb_abort(txn);
	if (rc == ASSAY_ENOMEM) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "out of memory");
	}
	return ASSAY_OK;
}
