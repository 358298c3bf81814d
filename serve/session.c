/* session.c - the session key of `assay serve`, kept in a file across
 * restarts (see serve.h).
 *
 * The file is created with O_EXCL and mode 0600 and read with O_NOFOLLOW:
 * a key file planted by someone else, or a symlink to one, is never taken
 * (a planted file is refused by its owner's permission bits only when they
 * are loose, so the store folder itself must be the editor's own). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay.h"
#include "guard.h"
#include "serve.h"

_Static_assert(ASSAY_SERVE_KEY_LEN == SERVE_TOKEN_LEN, "one key length");

/* Reads the key from open file @fd; 0, or -1 with @why set. */
static int read_key(int fd, const char *path, char *key, char *why, size_t whysize)
{
	char buf[ASSAY_SERVE_KEY_LEN + 8];
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whysize, "session key file '%s' is not a regular file", path);
		return -1;
	}
	if (st.st_mode & 077) {
		snprintf(why, whysize, "session key file '%s' can be read or written by others "
			 "(run 'chmod 600 %s', or remove it for a new key)", path, path);
		return -1;
	}
	n = read(fd, buf, sizeof buf - 1);
	if (n < 0) {
		snprintf(why, whysize, "cannot read session key file '%s': %s", path, strerror(errno));
		return -1;
	}
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	if (!serve_is_session_key(buf) || (size_t)n > ASSAY_SERVE_KEY_LEN + 2) {
		snprintf(why, whysize, "session key file '%s' does not hold a key (%d hex digits); "
			 "remove it for a new key", path, ASSAY_SERVE_KEY_LEN);
		return -1;
	}
	memcpy(key, buf, ASSAY_SERVE_KEY_LEN + 1);
	return 0;
}

/* Makes a new key file; 0, 1 when one appeared meanwhile, -1 with @why. */
static int make_key(const char *path, char *key, char *why, size_t whysize)
{
	char line[ASSAY_SERVE_KEY_LEN + 2];
	int fd, ok;

	if (serve_new_session_key(key) != ASSAY_OK) {
		snprintf(why, whysize, "the system has no randomness for a session key");
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return 1;
	if (fd < 0) {
		snprintf(why, whysize, "cannot create session key file '%s': %s", path, strerror(errno));
		return -1;
	}
	snprintf(line, sizeof line, "%s\n", key);
	ok = write(fd, line, strlen(line)) == (ssize_t)strlen(line) && fsync(fd) == 0;
	if (!ok)
		snprintf(why, whysize, "cannot write session key file '%s': %s", path, strerror(errno));
	close(fd);
	if (!ok)
		unlink(path);
	return ok ? 0 : -1;
}

int assay_serve_session_key(const char *path, char *key, char *why, size_t whysize)
{
	for (int tries = 0; tries < 2; tries++) {
		int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), rc;

		if (fd >= 0) {
			rc = read_key(fd, path, key, why, whysize);
			close(fd);
			return rc ? ASSAY_EINVAL : ASSAY_OK;
		}
		if (errno != ENOENT) {
			snprintf(why, whysize, "cannot open session key file '%s': %s", path,
				 strerror(errno));
			return ASSAY_EIO;
		}
		rc = make_key(path, key, why, whysize);
		if (rc <= 0)
			return rc ? ASSAY_EIO : ASSAY_OK;
	}
	snprintf(why, whysize, "session key file '%s' keeps changing", path);
	return ASSAY_EIO;
}
