/* failalloc.h - the fault tests' failing allocator (tests/failalloc.c).
 *
 * Typical use, for every allocation site of a call in turn:
 *   for (long n = 1;; n++) {
 *           failalloc_track_begin();
 *           failalloc_arm(n, 0);
 *           rc = call();             // must succeed or return ENOMEM
 *           failalloc_disarm();
 *           release what call() made;
 *           leaked = failalloc_track_end();
 *           if (!failalloc_fired()) break;   // no site left to fail
 *   } */
#ifndef ASSAY_TEST_FAILALLOC_H
#define ASSAY_TEST_FAILALLOC_H

#include <stdbool.h>
#include <stdio.h>

enum failalloc_flags {
	FAILALLOC_OWN = 1u << 0, /* count only allocations made by the executable's code */
};

/* The @n-th counted allocation from now fails (n >= 1); 0 disarms. */
void failalloc_arm(long n, unsigned flags);
void failalloc_disarm(void);
/* True when the armed allocation was reached and failed. */
bool failalloc_fired(void);
/* Allocations counted since arming. */
long failalloc_calls(void);

/* Tracks the blocks allocated from now on; end returns how many are
 * still live (-1 when there were too many to track). */
void failalloc_track_begin(void);
long failalloc_track_end(void);
/* Prints up to @max blocks still tracked and the code that allocated
 * them (a return address; addr2line -e EXE names the line). */
void failalloc_report(FILE *f, int max);

#endif
