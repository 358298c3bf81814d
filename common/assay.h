/* assay.h - what every module shares: status codes and version.
 *
 * Actions return int: ASSAY_OK (0) or a negative ASSAY_E* code. Predicates
 * return bool. Results go through out-parameters, last. Out of memory is an
 * error to return, never an abort. */
#ifndef ASSAY_H
#define ASSAY_H

#define ASSAY_VERSION "0.1.0"

enum assay_status {
	ASSAY_OK = 0,
	ASSAY_ENOMEM = -1,    /* an allocation failed */
	ASSAY_EIO = -2,       /* a read or write failed; errno says why */
	ASSAY_EINVAL = -3,    /* bad argument or bad input */
	ASSAY_ENOTFOUND = -4, /* no such record, file or store */
	ASSAY_EPARSE = -5,    /* input could not be parsed */
	ASSAY_EBUSY = -6,     /* another process holds the lock */
	ASSAY_ESCHEMA = -7,   /* store written by a newer assay */
	ASSAY_ETOOBIG = -8,   /* input over a configured limit */
	ASSAY_EFETCH = -9,    /* a network fetch failed */
	ASSAY_EFULL = -10,    /* disk or map full and could not grow */
	ASSAY_EDENIED = -11,  /* refused by policy (robots, private address) */
	ASSAY_EEXIST = -12,   /* already present */
	ASSAY_EDAMAGED = -13, /* the store's file is damaged (cut short, garbled) */
};

/* A short lowercase description of a status code; never NULL. */
const char *assay_strerror(int code);

/* ASSAY_ASSERT(cond): an invariant the code relies on (never a check of
 * input: bad input is an error to return). In debug, sanitizer and fuzz
 * builds (ASSAY_CHECKS, set by meson.build) a false @cond prints where
 * and what, and aborts; in a release build it is not evaluated, only
 * type-checked. */
#ifdef ASSAY_CHECKS
_Noreturn void assay_assert_fail(const char *file, int line, const char *cond);
#define ASSAY_ASSERT(cond) ((cond) ? (void)0 : assay_assert_fail(__FILE__, __LINE__, #cond))
#else
#define ASSAY_ASSERT(cond) ((void)sizeof(!(cond)))
#endif

#endif
