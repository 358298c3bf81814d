/* failalloc.c - a counter-based failing allocator for the fault tests.
 *
 * Linked into the test executable, these malloc/calloc/realloc/free (and
 * strdup/strndup, which ASan would otherwise serve from its own heap)
 * take precedence over the C library's for every library in the process,
 * libxml2 and PCRE2 included. Each forwards to the next definition
 * (dlsym RTLD_NEXT): glibc's, or the sanitizer's under ASan, which then
 * still sees every block. Once armed with N, the Nth allocation from then
 * on returns NULL (one failure, the rest succeed: the code under test must
 * unwind from that one site). Blocks allocated while tracking is on are
 * remembered until freed, so a test can ask how many leaked.
 *
 * With FAILALLOC_OWN only the allocations made by code linked into the
 * executable (assay's own modules, statically linked) are counted; the
 * shared libraries' are left alone, to tell our cleanup paths from theirs.
 *
 * Not thread-safe while armed or tracking: the fault tests allocate from
 * one thread. dlsym() itself allocates before the real functions are
 * known; that is served from a small static arena never freed. Under ASan
 * the first calls come from the sanitizer's own start-up, before its
 * shadow memory exists: so nothing here is instrumented (NOSAN), and the
 * arena is filled by plain loops rather than the intercepted memset. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "failalloc.h"

#if defined(__GNUC__)
#define NOSAN __attribute__((no_sanitize("address", "undefined")))
#else
#define NOSAN
#endif

typedef void *(*malloc_fn)(size_t);
typedef void *(*calloc_fn)(size_t, size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);

static malloc_fn real_malloc;
static calloc_fn real_calloc;
static realloc_fn real_realloc;
static free_fn real_free;

static _Alignas(16) unsigned char arena[16384];
static size_t arena_used;
static bool resolving;

static long countdown;    /* > 0: armed; the allocation that brings it to 0 fails */
static long calls;        /* allocations counted since arming */
static bool fired;
static unsigned mode;

#define TRACK_SLOTS (1u << 18) /* open addressing; a test keeps far fewer live */
static uintptr_t track[TRACK_SLOTS];
static const void *track_caller[TRACK_SLOTS]; /* who allocated, for reports */
static bool tracking;
static size_t live;
static bool track_overflow;

extern char __executable_start[], etext[];

NOSAN static void resolve(void)
{
	if (real_malloc || resolving)
		return;
	resolving = true;
	real_malloc = (malloc_fn)(uintptr_t)dlsym(RTLD_NEXT, "malloc");
	real_calloc = (calloc_fn)(uintptr_t)dlsym(RTLD_NEXT, "calloc");
	real_realloc = (realloc_fn)(uintptr_t)dlsym(RTLD_NEXT, "realloc");
	real_free = (free_fn)(uintptr_t)dlsym(RTLD_NEXT, "free");
	resolving = false;
}

NOSAN static void *arena_alloc(size_t n)
{
	size_t at = (arena_used + 15) & ~(size_t)15;

	if (at + n > sizeof arena)
		return NULL;
	arena_used = at + n;
	return arena + at;
}

NOSAN static bool in_arena(const void *p)
{
	return (const unsigned char *)p >= arena && (const unsigned char *)p < arena + sizeof arena;
}

NOSAN static size_t slot_of(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9E3779B97F4A7C15u >> 46) & (TRACK_SLOTS - 1);
}

NOSAN static void track_add(void *p, const void *caller)
{
	size_t i = slot_of((uintptr_t)p);

	for (size_t k = 0; k < TRACK_SLOTS; k++, i = (i + 1) & (TRACK_SLOTS - 1)) {
		if (track[i] == 0 || track[i] == 1) {
			track[i] = (uintptr_t)p;
			track_caller[i] = caller;
			live++;
			return;
		}
	}
	track_overflow = true;
}

/* Removes @p when tracked; true when it was. Freed slots become 1
 * (a tombstone) so that probing goes on past them. */
NOSAN static bool track_del(void *p)
{
	size_t i = slot_of((uintptr_t)p);

	for (size_t k = 0; k < TRACK_SLOTS && track[i]; k++, i = (i + 1) & (TRACK_SLOTS - 1)) {
		if (track[i] == (uintptr_t)p) {
			track[i] = 1;
			live--;
			return true;
		}
	}
	return false;
}

/* True when this allocation is the one to fail. */
NOSAN static bool should_fail(const void *caller)
{
	if (countdown <= 0)
		return false;
	if ((mode & FAILALLOC_OWN) &&
	    !((const char *)caller >= __executable_start && (const char *)caller < etext))
		return false;
	calls++;
	if (--countdown == 0) {
		fired = true;
		return true;
	}
	return false;
}

NOSAN static void *fa_malloc(size_t n, const void *caller)
{
	void *p;

	resolve();
	if (!real_malloc)
		return arena_alloc(n);
	if (should_fail(caller))
		return NULL;
	p = real_malloc(n);
	if (p && tracking)
		track_add(p, caller);
	return p;
}

NOSAN void *malloc(size_t n)
{
	return fa_malloc(n, __builtin_return_address(0));
}

NOSAN void *calloc(size_t n, size_t size)
{
	void *p;

	resolve();
	if (!real_calloc) {
		if (size && n > SIZE_MAX / size)
			return NULL;
		p = arena_alloc(n * size);
		for (size_t i = 0; p && i < n * size; i++)
			((unsigned char *)p)[i] = 0;
		return p;
	}
	if (should_fail(__builtin_return_address(0)))
		return NULL;
	p = real_calloc(n, size);
	if (p && tracking)
		track_add(p, __builtin_return_address(0));
	return p;
}

NOSAN void *realloc(void *old, size_t n)
{
	bool was_tracked;
	void *p;

	resolve();
	if (in_arena(old) || !real_realloc) {
		size_t room = old ? (size_t)(arena + sizeof arena - (unsigned char *)old) : 0;

		p = fa_malloc(n, __builtin_return_address(0));
		for (size_t i = 0; p && old && i < (n < room ? n : room); i++)
			((unsigned char *)p)[i] = ((const unsigned char *)old)[i];
		return p;
	}
	if (should_fail(__builtin_return_address(0)))
		return NULL;
	was_tracked = old && tracking && track_del(old);
	p = real_realloc(old, n);
	if (!p && was_tracked)
		track_add(old, __builtin_return_address(0));
	else if (p && tracking && (was_tracked || !old))
		track_add(p, __builtin_return_address(0));
	return p;
}

NOSAN void free(void *p)
{
	if (!p || in_arena(p))
		return;
	if (tracking)
		track_del(p);
	resolve();
	if (real_free)
		real_free(p);
}

NOSAN char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = fa_malloc(n, __builtin_return_address(0));

	if (d)
		memcpy(d, s, n);
	return d;
}

NOSAN char *strndup(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	char *d = fa_malloc(n + 1, __builtin_return_address(0));

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

void failalloc_arm(long n, unsigned flags)
{
	countdown = n;
	calls = 0;
	fired = false;
	mode = flags;
}

void failalloc_disarm(void)
{
	countdown = 0;
}

bool failalloc_fired(void)
{
	return fired;
}

long failalloc_calls(void)
{
	return calls;
}

void failalloc_track_begin(void)
{
	memset(track, 0, sizeof track);
	live = 0;
	track_overflow = false;
	tracking = true;
}

long failalloc_track_end(void)
{
	tracking = false;
	return track_overflow ? -1 : (long)live;
}

void failalloc_report(FILE *f, int max)
{
	for (size_t i = 0; i < TRACK_SLOTS && max > 0; i++) {
		Dl_info info;

		if (track[i] < 2)
			continue;
		max--;
		if (getenv("FAILALLOC_DUMP"))
			fprintf(f, "failalloc: block starts '%.60s'\n", (const char *)track[i]);
		if (dladdr(track_caller[i], &info) && info.dli_sname)
			fprintf(f, "failalloc: live block %p from %s+%#lx (%s)\n", (void *)track[i],
				info.dli_sname,
				(unsigned long)((const char *)track_caller[i] - (const char *)info.dli_saddr),
				info.dli_fname);
		else
			fprintf(f, "failalloc: live block %p from %p (%s)\n", (void *)track[i],
				track_caller[i], info.dli_fname ? info.dli_fname : "?");
	}
}
