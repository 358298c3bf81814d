/* guard.c - a damaged data.mdb ends a command with a message, not a crash.
 *
 * LMDB trusts the file it maps: a page number or node offset garbled by a
 * bad disk or a careless copy makes it (or our decoders, reading what it
 * hands back) touch memory past the file's end (SIGBUS) or follow a
 * pointer it built from the noise (SIGSEGV). env.c refuses the damage it
 * can see before mapping (a file shorter than its last committed page);
 * what only shows on reading is caught here.
 *
 * A SIGBUS or SIGSEGV is taken for store damage only when the faulting
 * address lies in an open store's map, or the faulting instruction lies in
 * LMDB's own code, or the thread is inside a call into LMDB (store_mdb_*
 * in internal.h: a memcpy LMDB calls runs libc's code). Then: inside
 * store_guarded() (assay verify) the read is abandoned and reported;
 * anywhere else the process prints which store is damaged and how to
 * recover, and exits with status 2. Nothing was written by the read, and an unfinished write transaction is discarded
 * by LMDB, so what was committed stays. Why _exit and not a jump back in
 * a write: the fault may come with the heap written over (LMDB copying a
 * garbled page), so the handler touches nothing but write(2) and _exit;
 * the locks die with the process - LMDB's writer mutex is robust (the
 * next writer gets EOWNERDEAD and LMDB takes it over), its reader slot is
 * cleared by mdb_reader_check, the store's flock is the kernel's - and
 * the dirty pages were in the heap, never in data.mdb (no MDB_WRITEMAP),
 * so the last committed meta page still names a whole tree. The jump
 * (store_guarded) is taken only by reads, which hold no lock but a reader
 * slot, released when the caller aborts the read.
 *
 * Any other fault goes to the handler that was there before (the
 * default, or a sanitizer's), so bugs still crash loudly. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

#include "assay.h"
#include "internal.h"

#define GUARD_SLOTS 32

/* One open store: its map and the message to print. Written under
 * slots_lock; read by the handler without it (the fields are atomics). */
static struct slot {
	_Atomic uintptr_t lo, hi; /* [lo, hi) of the map; lo 0 when free */
	_Atomic(const struct assay_store *) owner;
	char msg[1024];
	_Atomic size_t msg_len;
} slots[GUARD_SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static struct sigaction old_bus, old_segv;
static uintptr_t lmdb_lo, lmdb_hi; /* LMDB's code, when it is its own object */
static _Thread_local sigjmp_buf *recover;
_Thread_local int store_in_lmdb;
static const char fallback[] = "assay: a store is damaged (a read ran off its pages); "
			       "run 'assay verify' on it\n";

static bool in_slot(uintptr_t a, size_t *msg_slot)
{
	for (int i = 0; i < GUARD_SLOTS; i++) {
		uintptr_t lo = atomic_load(&slots[i].lo), hi = atomic_load(&slots[i].hi);

		/* a read that runs off the map's end faults just past it */
		if (lo && a >= lo && a < hi + 65536) {
			*msg_slot = (size_t)i;
			return true;
		}
	}
	return false;
}

static uintptr_t fault_pc(void *uctx)
{
	ucontext_t *uc = uctx;

	if (!uc)
		return 0;
#if defined(__x86_64__)
	return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	return (uintptr_t)uc->uc_mcontext.pc;
#elif defined(__i386__)
	return (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
#else
	return 0;
#endif
}

static void on_fault(int sig, siginfo_t *si, void *uctx)
{
	uintptr_t addr = (uintptr_t)si->si_addr, pc = fault_pc(uctx);
	size_t i = GUARD_SLOTS;
	bool ours = in_slot(addr, &i) || (lmdb_lo && pc >= lmdb_lo && pc < lmdb_hi) ||
		    store_in_lmdb > 0; /* e.g. in memcpy, called by LMDB */

	if (!ours) {
		/* not the store: the fault happens again under the old handler */
		sigaction(sig, sig == SIGBUS ? &old_bus : &old_segv, NULL);
		return;
	}
	if (recover)
		siglongjmp(*recover, 1);
	if (i == GUARD_SLOTS) { /* a fault in LMDB's code: name the store if only one is open */
		for (size_t j = 0, open = 0; j < GUARD_SLOTS; j++)
			if (atomic_load(&slots[j].lo) && open++ == 0)
				i = j;
			else if (atomic_load(&slots[j].lo))
				i = GUARD_SLOTS;
	}
	if (i < GUARD_SLOTS && atomic_load(&slots[i].msg_len)) {
		ssize_t w = write(2, slots[i].msg, atomic_load(&slots[i].msg_len));
		(void)w;
	} else {
		ssize_t w = write(2, fallback, sizeof fallback - 1);
		(void)w;
	}
	_exit(2);
}

/* LMDB's own consistency checks (mdb_assert) call this before abort():
 * the same damage, seen by LMDB first. */
static void on_lmdb_assert(MDB_env *env, const char *msg)
{
	(void)env;
	(void)msg;
	if (recover)
		siglongjmp(*recover, 1);
	for (size_t j = 0; j < GUARD_SLOTS; j++) {
		if (atomic_load(&slots[j].owner) && atomic_load(&slots[j].msg_len) &&
		    atomic_load(&slots[j].owner)->env == env) {
			ssize_t w = write(2, slots[j].msg, atomic_load(&slots[j].msg_len));
			(void)w;
			_exit(2);
		}
	}
	{
		ssize_t w = write(2, fallback, sizeof fallback - 1);
		(void)w;
	}
	_exit(2);
}

/* The executable segments of the object that holds LMDB, unless that is
 * the program itself (a static LMDB): then only map addresses count. */
static int find_lmdb(struct dl_phdr_info *info, size_t size, void *arg)
{
	const Dl_info *want = arg;

	(void)size;
	if ((void *)info->dlpi_addr != want->dli_fbase &&
	    !(info->dlpi_name && want->dli_fname && !strcmp(info->dlpi_name, want->dli_fname)))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		if (!lmdb_lo || lo < lmdb_lo)
			lmdb_lo = lo;
		if (lo + ph->p_memsz > lmdb_hi)
			lmdb_hi = lo + ph->p_memsz;
	}
	return 1;
}

static void install(void)
{
	struct sigaction sa;
	Dl_info lmdb, self;
	int (*f1)(MDB_cursor *, MDB_val *, MDB_val *, MDB_cursor_op) = mdb_cursor_get;
	int (*f2)(const char *, unsigned, struct assay_store **) = assay_store_open;
	void *in_lmdb, *in_self;

	/* ISO C has no cast from a function to void *: copy the bits. */
	memcpy(&in_lmdb, &f1, sizeof in_lmdb);
	memcpy(&in_self, &f2, sizeof in_self);
	if (dladdr(in_lmdb, &lmdb) && dladdr(in_self, &self) &&
	    lmdb.dli_fbase != self.dli_fbase)
		dl_iterate_phdr(find_lmdb, &lmdb);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old_bus);
	sigaction(SIGSEGV, &sa, &old_segv);
}

/* Where the store's data.mdb is mapped: LMDB does not say (me_mapaddr is
 * the fixed address asked for, NULL), so find the mapping of its file. */
static uintptr_t map_start(struct assay_store *s)
{
	mdb_filehandle_t fd;
	struct stat st;
	char line[4600];
	uintptr_t found = 0;
	FILE *f;

	if (mdb_env_get_fd(s->env, &fd) || fstat(fd, &st) != 0)
		return 0;
	f = fopen("/proc/self/maps", "re");
	if (!f)
		return 0;
	while (!found && fgets(line, sizeof line, f)) {
		unsigned long long lo, ino;

		if (sscanf(line, "%llx-%*x %*s %*x %*s %llu", &lo, &ino) == 2 &&
		    ino == (unsigned long long)st.st_ino && strstr(line, "data.mdb"))
			found = (uintptr_t)lo;
	}
	fclose(f);
	return found;
}

void store_guard_update(struct assay_store *s)
{
	MDB_envinfo info;
	int free_slot = -1, i;

	pthread_once(&installed, install);
	if (mdb_env_info(s->env, &info))
		return;
	mdb_env_set_assert(s->env, on_lmdb_assert);
	info.me_mapaddr = (void *)map_start(s);
	s->map_lo = (uintptr_t)info.me_mapaddr;
	s->map_hi = s->map_lo ? s->map_lo + info.me_mapsize : 0;
	pthread_mutex_lock(&slots_lock);
	for (i = 0; i < GUARD_SLOTS; i++) {
		if (atomic_load(&slots[i].owner) == s)
			break;
		if (free_slot < 0 && !atomic_load(&slots[i].owner))
			free_slot = i;
	}
	if (i == GUARD_SLOTS)
		i = free_slot;
	if (i >= 0) {
		struct slot *o = &slots[i];
		int n;

		atomic_store(&o->lo, 0);
		atomic_store(&o->owner, s);
		/* Without a reader slot a writer's commits move what it reads. */
		n = snprintf(o->msg, sizeof o->msg,
			     s->unlocked
				     ? "assay: reading the store '%s' ran off its pages. This user "
				       "reads it without a reader slot (its lock.mdb is not this "
				       "user's to write), so it was most likely written while it was "
				       "read: run the command again when nothing writes to it. If it "
				       "fails again, run 'assay --db %s verify'\n"
				     : "assay: the store '%s' is damaged: reading it ran off its "
				       "pages (data.mdb cut short or garbled), so the command "
				       "stopped; no half-made change was kept. Run 'assay --db %s "
				       "verify' to see what still reads, and restore data.mdb from a "
				       "backup\n",
			     s->dir, s->dir);
		atomic_store(&o->msg_len, n > 0 && (size_t)n < sizeof o->msg ? (size_t)n : 0);
		atomic_store(&o->hi, (uintptr_t)info.me_mapaddr + info.me_mapsize);
		atomic_store(&o->lo, (uintptr_t)info.me_mapaddr);
	}
	pthread_mutex_unlock(&slots_lock);
}

void store_guard_remove(struct assay_store *s)
{
	pthread_mutex_lock(&slots_lock);
	for (int i = 0; i < GUARD_SLOTS; i++) {
		if (atomic_load(&slots[i].owner) != s)
			continue;
		atomic_store(&slots[i].lo, 0);
		atomic_store(&slots[i].owner, NULL);
	}
	pthread_mutex_unlock(&slots_lock);
}

int store_guarded(struct assay_store *s, int (*fn)(struct assay_store *s, void *arg), void *arg)
{
	sigjmp_buf jb;
	sigjmp_buf *volatile prev = recover;
	volatile int in_lmdb = store_in_lmdb;
	int rc;

	pthread_once(&installed, install);
	if (sigsetjmp(jb, 1)) {
		recover = prev;
		store_in_lmdb = in_lmdb; /* the call the fault left is over */
		return ASSAY_EDAMAGED;
	}
	recover = &jb;
	rc = fn(s, arg);
	recover = prev;
	return rc;
}

static bool in_map(const struct assay_store *s, const MDB_val *v)
{
	uintptr_t p = (uintptr_t)v->mv_data;

	if (!s->map_lo || v->mv_size == 0)
		return true;
	return p >= s->map_lo && p <= s->map_hi && v->mv_size <= s->map_hi - p;
}

int store_cursor_read(struct assay_store *s, MDB_cursor *c, MDB_val *k, MDB_val *v,
		      MDB_cursor_op op)
{
	/* MDB_SET and its kin take the caller's key and may leave it: only a
	 * key LMDB gave is checked (MDB_FIRST and MDB_NEXT read no key in) */
	bool keyed = op == MDB_SET || op == MDB_SET_KEY || op == MDB_SET_RANGE ||
		     op == MDB_GET_BOTH || op == MDB_GET_BOTH_RANGE;
	void *asked = keyed ? k->mv_data : NULL;
	int rc;

	store_in_lmdb++;
	rc = mdb_cursor_get(c, k, v, op);
	store_in_lmdb--;
	if (rc == MDB_SUCCESS && (((!keyed || k->mv_data != asked) && !in_map(s, k)) ||
				  !in_map(s, v)))
		rc = MDB_CORRUPTED;
	return rc;
}

int store_read(struct assay_store *s, MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen,
	       MDB_val *v)
{
	MDB_val key = {klen, (void *)k};
	int rc;

	store_in_lmdb++;
	rc = mdb_get(txn, dbi, &key, v);
	store_in_lmdb--;
	if (rc == MDB_SUCCESS && !in_map(s, v))
		rc = MDB_CORRUPTED;
	return rc;
}
