/* claims_int.h - claim keys, figure intervals and record layouts shared by
 * the writer (claims.c) and the readers (query.c). */
#ifndef ASSAY_STORE_CLAIMS_INT_H
#define ASSAY_STORE_CLAIMS_INT_H

#include "internal.h"
#include "rec.h"

#define EVIDENCE_MAX 2000 /* bytes of evidence text kept per source */

struct interval {
	double lo, hi;
	bool lo_open, hi_open;
};

/* The unit family of the claim key: the unit, with the price basis. */
void store_claim_unit_family(const struct assay_claim *c, char *out, size_t size);
/* subject, metric, commodity, period, status, place, unit family. */
int store_claim_key_string(const struct assay_claim *c, struct assay_buf *out);
void store_claim_interval(const struct assay_claim *c, const char *text, size_t len,
			  struct interval *iv);
bool store_interval_meets(const struct interval *a, const struct interval *b);

/* The claimkeys table holds, under the hash of a claim key, one value per
 * claim of that key: the claim's interval (lo and hi as order-preserving
 * big-endian numbers, then the open ends) and its id. Values sort by lo,
 * so a new figure finds the claims it meets from the index alone, without
 * reading and decoding every claim of its key. */
#define CLAIMKEY_LEN 25
void store_claimkey_value(const struct interval *iv, const char *id,
			  unsigned char out[CLAIMKEY_LEN]);
/* The interval and id of a claimkeys value; false when it is malformed. */
bool store_claimkey_parse(const MDB_val *v, struct interval *iv, MDB_val *id);
/* The flag, in the open ends' byte, of an entry moved into its group by an
 * editor's correction of the claim's key (claims.c: store_claim_regroup). */
#define CLAIMKEY_MOVED 4
bool store_claimkey_moved(const MDB_val *v);
/* Files claim @id under the group of its key as reviewed, moving it (and
 * the groups' conflict entries) when a decision changed that key. */
int store_claim_regroup(struct assay_store *s, MDB_txn *txn, const char *id);

int store_claim_decode(const MDB_val *v, struct assay_stored_claim *out);
int store_agreement_decode(const MDB_val *v, struct assay_stored_agreement *out);
void store_review_decode(const MDB_val *v, struct assay_review *out);

#endif
