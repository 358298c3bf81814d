/* pool.c - pages cleaned and extracted by worker threads, stored by the
 * caller's thread one at a time, in the order they were given.
 *
 * Workers also pack each result (store.h: identity, hashes, compressed
 * page and text), which was nine tenths of the writer's CPU: the writer
 * is the part no number of workers shortens, so it does only LMDB work.
 *
 * The pages wait in a ring of a fixed number of slots (SLOTS_PER_JOB per
 * worker): the caller copies a page into the next free slot, the workers
 * take the slots in order and process them, and before a slot is used
 * again the caller stores what is in it. So memory is bounded by the
 * ring, whatever the input, and the store sees exactly the sequence of
 * puts a serial run makes: the same stories, claim ids and conflicts.
 *
 * Sequence numbers (uint64_t, never wrapping in practice) name the pages:
 * [head, tail) are in the ring, [next, tail) wait for a worker. head and
 * the slots' pages belong to the caller; next, tail, stop and the done
 * flags are guarded by the mutex. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assay.h"
#include "log.h"
#include "pipeline.h"
#include "pool.h"

#define SLOTS_PER_JOB 4
#define MAX_JOBS 256

struct slot {
	struct assay_page page; /* its strings and body are copies, in mem */
	char *mem;
	char *zmem;             /* or the body compressed (pool_queue_zipped), */
	size_t zlen;
	struct assay_buf raw;   /* which the worker inflates here */
	struct assay_processed pr;
	int rc;
	bool done;
};

struct assay_pool {
	struct assay_pipeline *p;
	unsigned jobs, nthreads, nslots;
	unsigned pack; /* what workers pack ahead (assay_store_pack) */
	struct slot *slots;
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a page to process, or stop */
	pthread_cond_t done; /* a page processed */
	uint64_t head, next, tail;
	uint64_t awaited; /* 1 + the page the caller waits for, or 0 */
	bool stop;
	bool synced; /* mu, work and done are initialised */
};

unsigned assay_pool_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static struct slot *slot_of(struct assay_pool *pool, uint64_t seq)
{
	return &pool->slots[seq % pool->nslots];
}

/* The page of a slot queued compressed; empty when damaged, as a serial
 * reprocess reads it (store/reprocess.c). */
static void unzip_body(struct slot *sl)
{
	if (assay_store_unpack(sl->zmem, sl->zlen, &sl->raw) != ASSAY_OK)
		assay_buf_reset(&sl->raw);
	sl->page.body = sl->raw.data ? sl->raw.data : "";
	sl->page.len = sl->raw.len;
}

static void *worker(void *arg)
{
	struct assay_pool *pool = arg;
	struct assay_packer *pk = NULL;

	if (assay_packer_new(&pk) != ASSAY_OK) /* then the writer packs */
		pk = NULL;
	pthread_mutex_lock(&pool->mu);
	for (;;) {
		struct slot *sl;
		uint64_t seq;

		while (!pool->stop && pool->next == pool->tail)
			pthread_cond_wait(&pool->work, &pool->mu);
		if (pool->next == pool->tail)
			break; /* stopping, and nothing left */
		ASSAY_ASSERT(pool->next < pool->tail); /* both under the mutex */
		seq = pool->next++;
		sl = slot_of(pool, seq);
		pthread_mutex_unlock(&pool->mu);
		if (sl->zmem)
			unzip_body(sl);
		sl->rc = assay_pipeline_process(&sl->page, &sl->pr);
		if (sl->rc == ASSAY_OK)
			assay_pipeline_pack(pk, &sl->pr, pool->pack);
		pthread_mutex_lock(&pool->mu);
		sl->done = true;
		/* only the page the caller waits for wakes it: another would
		 * cost it two context switches to find it must wait on */
		if (pool->awaited == seq + 1)
			pthread_cond_signal(&pool->done);
	}
	pthread_mutex_unlock(&pool->mu);
	assay_packer_free(pk);
	return NULL;
}

/* The page and everything it points to, copied into one block. */
static int copy_page(struct slot *sl, const struct assay_page *page)
{
	sl->mem = assay_page_copy(page, &sl->page);
	return sl->mem ? ASSAY_OK : ASSAY_ENOMEM;
}

/* Waits for a worker to be done with the oldest page in the ring. */
static struct slot *wait_oldest(struct assay_pool *pool)
{
	struct slot *sl = slot_of(pool, pool->head);

	ASSAY_ASSERT(pool->head != pool->tail); /* the caller has a page in the ring */
	pthread_mutex_lock(&pool->mu);
	while (!sl->done) {
		pool->awaited = pool->head + 1;
		pthread_cond_wait(&pool->done, &pool->mu);
	}
	pool->awaited = 0;
	pthread_mutex_unlock(&pool->mu);
	return sl;
}

void pool_drop(struct assay_pool *pool)
{
	struct slot *sl = wait_oldest(pool);

	assay_processed_release(&sl->pr);
	free(sl->mem);
	sl->mem = NULL;
	free(sl->zmem);
	sl->zmem = NULL;
	assay_buf_release(&sl->raw);
	pool->head++;
}

/* Stores the oldest page in the ring, once a worker is done with it. A
 * page whose URL an earlier page in the ring stored meanwhile is skipped
 * as known, as the caller's check before giving it would have said in a
 * serial run. */
static int store_oldest(struct assay_pool *pool)
{
	struct assay_pipeline *p = pool->p;
	struct slot *sl = wait_oldest(pool);
	int rc = sl->rc;

	if (!p->refetch && assay_store_has_url(p->store, sl->page.url)) {
		p->counts->skipped_known++;
		rc = ASSAY_OK;
	} else if (rc != ASSAY_OK) {
		p->counts->errors++;
	} else {
		rc = assay_pipeline_store(p, &sl->page, &sl->pr);
	}
	pool_drop(pool);
	return rc;
}

static void stop_workers(struct assay_pool *pool)
{
	pthread_mutex_lock(&pool->mu);
	pool->stop = true;
	pthread_cond_broadcast(&pool->work);
	pthread_mutex_unlock(&pool->mu);
	for (unsigned i = 0; i < pool->nthreads; i++)
		pthread_join(pool->threads[i], NULL);
	pool->nthreads = 0;
}

static int start_workers(struct assay_pool *pool)
{
	pool->slots = calloc(pool->nslots, sizeof *pool->slots);
	pool->threads = calloc(pool->jobs, sizeof *pool->threads);
	if (!pool->slots || !pool->threads)
		return ASSAY_ENOMEM;
	if (pthread_mutex_init(&pool->mu, NULL) != 0)
		return ASSAY_ENOMEM;
	if (pthread_cond_init(&pool->work, NULL) != 0) {
		pthread_mutex_destroy(&pool->mu);
		return ASSAY_ENOMEM;
	}
	if (pthread_cond_init(&pool->done, NULL) != 0) {
		pthread_cond_destroy(&pool->work);
		pthread_mutex_destroy(&pool->mu);
		return ASSAY_ENOMEM;
	}
	pool->synced = true;
	for (; pool->nthreads < pool->jobs; pool->nthreads++)
		if (pthread_create(&pool->threads[pool->nthreads], NULL, worker, pool) != 0)
			break;
	if (pool->nthreads < pool->jobs) /* fewer workers, or none: pages inline */
		assay_warn("could start only %u of %u jobs", pool->nthreads, pool->jobs);
	return ASSAY_OK;
}

int assay_pool_new(struct assay_pipeline *p, unsigned jobs, struct assay_pool **out)
{
	struct assay_pool *pool = calloc(1, sizeof *pool);
	int rc;

	*out = NULL;
	if (!pool)
		return ASSAY_ENOMEM;
	pool->p = p;
	/* reprocess (no pipeline) rewrites neither the page nor the identity */
	pool->pack = p ? ASSAY_PACK_RAW | ASSAY_PACK_URL : 0;
	pool->jobs = jobs ? (jobs > MAX_JOBS ? MAX_JOBS : jobs) : assay_pool_default_jobs();
	if (pool->jobs > 1) {
		pool->nslots = pool->jobs * SLOTS_PER_JOB;
		rc = start_workers(pool);
		if (rc != ASSAY_OK) {
			assay_pool_free(pool);
			return rc;
		}
	}
	*out = pool;
	return ASSAY_OK;
}

/* Copies @page into the next free slot and wakes a worker. */
static int queue_page(struct assay_pool *pool, const struct assay_page *page)
{
	struct slot *sl = slot_of(pool, pool->tail);

	/* the caller stores the oldest page before the ring wraps onto it */
	ASSAY_ASSERT(pool->tail - pool->head < pool->nslots);
	if (copy_page(sl, page) != ASSAY_OK)
		return ASSAY_ENOMEM;
	sl->done = false;
	pthread_mutex_lock(&pool->mu);
	pool->tail++;
	pthread_cond_signal(&pool->work);
	pthread_mutex_unlock(&pool->mu);
	return ASSAY_OK;
}

int assay_pool_page(struct assay_pool *pool, const struct assay_page *page)
{
	int rc = ASSAY_OK;

	if (!pool->nthreads)
		return assay_pipeline_page(pool->p, page);
	if (pool->tail - pool->head == pool->nslots)
		rc = store_oldest(pool);
	if (queue_page(pool, page) != ASSAY_OK) {
		assay_err("%s: cannot queue page: %s", page->url, assay_strerror(ASSAY_ENOMEM));
		pool->p->counts->errors++;
		return ASSAY_ENOMEM;
	}
	return rc;
}

int pool_queue(struct assay_pool *pool, const struct assay_page *page)
{
	if (!pool->nthreads || pool->tail - pool->head == pool->nslots)
		return ASSAY_ETOOBIG;
	return queue_page(pool, page);
}

int pool_queue_zipped(struct assay_pool *pool, const struct assay_page *page, const void *z,
		      size_t n)
{
	struct assay_page meta = *page;
	struct slot *sl;

	if (!pool->nthreads || pool->tail - pool->head == pool->nslots)
		return ASSAY_ETOOBIG;
	sl = slot_of(pool, pool->tail);
	sl->zmem = malloc(n ? n : 1);
	if (!sl->zmem)
		return ASSAY_ENOMEM;
	memcpy(sl->zmem, z ? z : "", n);
	sl->zlen = n;
	meta.body = NULL;
	meta.len = 0;
	if (queue_page(pool, &meta) != ASSAY_OK) {
		free(sl->zmem);
		sl->zmem = NULL;
		return ASSAY_ENOMEM;
	}
	return ASSAY_OK;
}

bool pool_settle(struct assay_pool *pool, bool wait, int *rc)
{
	bool done;

	if (pool->head == pool->tail)
		return false;
	if (!wait) {
		pthread_mutex_lock(&pool->mu);
		done = slot_of(pool, pool->head)->done;
		pthread_mutex_unlock(&pool->mu);
		if (!done)
			return false;
	}
	*rc = store_oldest(pool);
	return true;
}

const void *pool_oldest_zipped(struct assay_pool *pool, size_t *n)
{
	struct slot *sl;

	if (pool->head == pool->tail)
		return NULL;
	sl = slot_of(pool, pool->head);
	*n = sl->zlen;
	return sl->zmem;
}

const struct assay_page *pool_oldest(struct assay_pool *pool)
{
	return pool->head == pool->tail ? NULL : &slot_of(pool, pool->head)->page;
}

struct assay_processed *pool_take(struct assay_pool *pool, int *rc)
{
	struct slot *sl = wait_oldest(pool);

	*rc = sl->rc;
	return &sl->pr;
}

unsigned pool_slots(const struct assay_pool *pool)
{
	return pool->nthreads ? pool->nslots : 0;
}

void pool_drop_all(struct assay_pool *pool)
{
	while (pool->head != pool->tail)
		pool_drop(pool);
}

int assay_pool_drain(struct assay_pool *pool)
{
	int rc = ASSAY_OK;

	while (pool->head != pool->tail) {
		int r = store_oldest(pool);
		if (rc == ASSAY_OK)
			rc = r;
	}
	return rc;
}

void assay_pool_free(struct assay_pool *pool)
{
	if (!pool)
		return;
	if (pool->synced) {
		assay_pool_drain(pool);
		stop_workers(pool);
		pthread_cond_destroy(&pool->done);
		pthread_cond_destroy(&pool->work);
		pthread_mutex_destroy(&pool->mu);
	}
	free(pool->threads);
	free(pool->slots);
	free(pool);
}
