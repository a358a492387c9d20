/*
 * fsout.c — temporary-then-rename output; see fsout.h.
 *
 * Temporaries are recorded in a fixed table of path slots so that a
 * signal handler or the watchdog thread can remove them without taking
 * locks or allocating.  A slot is claimed with an atomic flag.
 */
#define _GNU_SOURCE
#include "base/fsout.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FSOUT_SLOTS 64
#define FSOUT_PATH_MAX 4096

static struct {
    atomic_int state;           /* 0 free, 1 being filled, 2 live */
    char path[FSOUT_PATH_MAX];
} slots[FSOUT_SLOTS];

struct fsout {
    FILE *stream;
    int slot;                   /* -1 for standard output and devices */
    int direct;                 /* written in place (a device or FIFO) */
    char *target;
};

static int claim_slot(const char *path)
{
    if (strlen(path) >= FSOUT_PATH_MAX)
        return -1;
    for (int i = 0; i < FSOUT_SLOTS; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&slots[i].state, &expected, 1)) {
            strcpy(slots[i].path, path);
            atomic_store(&slots[i].state, 2);
            return i;
        }
    }
    return -1;
}

static void release_slot(int i)
{
    if (i >= 0)
        atomic_store(&slots[i].state, 0);
}

void fsout_remove_all(void)
{
    for (int i = 0; i < FSOUT_SLOTS; i++)
        if (atomic_load(&slots[i].state) == 2)
            unlink(slots[i].path);
}

static void on_signal(int sig)
{
    fsout_remove_all();
    static const char msg_int[] = "\ncjm: interrupted (SIGINT); no output file was changed\n";
    static const char msg_term[] = "\ncjm: stopped (SIGTERM); no output file was changed\n";
    static const char msg_hup[] = "\ncjm: stopped (SIGHUP); no output file was changed\n";
    const char *m = sig == SIGINT ? msg_int : sig == SIGTERM ? msg_term : msg_hup;
    size_t n = sig == SIGINT ? sizeof msg_int : sig == SIGTERM ? sizeof msg_term : sizeof msg_hup;
    (void)!write(STDERR_FILENO, m, n - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

void fsout_install_signal_handlers(void)
{
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
}

fsout *fsout_open(const char *target, diag_list *d)
{
    fsout *f = calloc(1, sizeof *f);
    if (!f) {
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "out of memory");
        return NULL;
    }
    f->slot = -1;
    if (strcmp(target, "-") == 0) {
        f->stream = stdout;
        return f;
    }
    /* A device, FIFO or socket (/dev/null, /dev/full, a named pipe) is
     * written directly: renaming a file over it would replace the device
     * node.  A symbolic link to a file is followed, so the file it names
     * is replaced and the link stays. */
    struct stat ts;
    if (stat(target, &ts) == 0 && S_ISDIR(ts.st_mode)) {
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "is a folder; give a file name");
        free(f);
        return NULL;
    }
    if (stat(target, &ts) == 0 && !S_ISREG(ts.st_mode)) {
        f->stream = fopen(target, "wb");
        if (!f->stream) {
            diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write: %s", strerror(errno));
            free(f);
            return NULL;
        }
        f->target = strdup(target);
        f->direct = 1;
        return f;
    }
    char *real = NULL;
    struct stat ls;
    if (lstat(target, &ls) == 0 && S_ISLNK(ls.st_mode))
        real = realpath(target, NULL);
    if (real)
        target = real;
    f->target = strdup(target);
    free(real);
    target = f->target ? f->target : target;
    /* The temporary sits beside the target so rename() stays atomic. */
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dirlen;
    size_t need = dirlen + strlen(base) + 32;
    char *tmp = malloc(need);
    if (!f->target || !tmp) {
        free(tmp);
        free(f->target);
        free(f);
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "out of memory");
        return NULL;
    }
    snprintf(tmp, need, "%.*s.%s.cjm-XXXXXX", (int)dirlen, target, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        if (dirlen)
            diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write into the folder "
                     "%.*s: %s", (int)dirlen - 1 > 0 ? (int)dirlen - 1 : 1, tmp,
                     err == ENOENT ? "there is no such folder" : strerror(err));
        else
            diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write into the current "
                     "folder: %s", strerror(err));
        free(tmp);
        free(f->target);
        free(f);
        return NULL;
    }
    f->slot = claim_slot(tmp);
    if (f->slot < 0) {
        close(fd);
        unlink(tmp);
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL,
                 "too many output files open at once");
        free(tmp);
        free(f->target);
        free(f);
        return NULL;
    }
    free(tmp);
    /* Keep an existing target's permissions; new files get 0666 & ~umask. */
    struct stat st;
    mode_t mode;
    if (stat(target, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0) {
        /* not fatal: the file is still written, with mkstemp's 0600 */
    }
    f->stream = fdopen(fd, "wb");
    if (!f->stream) {
        close(fd);
        fsout_abort(f);
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write: %s",
                 strerror(errno));
        return NULL;
    }
    return f;
}

FILE *fsout_stream(fsout *f)
{
    return f->stream;
}

int fsout_commit(fsout *f, diag_list *d)
{
    int rc = 0;
    if (f->slot < 0) {
        int failed = ferror(f->stream) || fflush(f->stream) != 0;
        int saved = errno;
        if (f->direct && fclose(f->stream) != 0 && !failed) {
            failed = 1;
            saved = errno;
        }
        if (failed) {
            diag_add(d, DIAG_ERROR, f->direct ? f->target : "<stdout>", 0, 0, NULL,
                     "cannot write: %s", strerror(saved ? saved : EIO));
            rc = -1;
        }
        free(f->target);
        free(f);
        return rc;
    }
    int failed = ferror(f->stream);
    if (fflush(f->stream) != 0 || fsync(fileno(f->stream)) != 0)
        failed = 1;
    int saved = errno;
    if (fclose(f->stream) != 0)
        failed = 1;
    f->stream = NULL;
    if (!failed && rename(slots[f->slot].path, f->target) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        diag_add(d, DIAG_ERROR, f->target, 0, 0, NULL, "cannot write: %s",
                 strerror(saved ? saved : EIO));
        unlink(slots[f->slot].path);
        rc = -1;
    }
    release_slot(f->slot);
    free(f->target);
    free(f);
    return rc;
}

void fsout_abort(fsout *f)
{
    if (!f)
        return;
    if (f->direct)
        fclose(f->stream);
    if (f->slot >= 0) {
        if (f->stream)
            fclose(f->stream);
        unlink(slots[f->slot].path);
        release_slot(f->slot);
    }
    free(f->target);
    free(f);
}

int fsout_write_file(const char *target, const void *data, size_t len,
                     diag_list *d)
{
    fsout *f = fsout_open(target, d);
    if (!f)
        return -1;
    if (len && fwrite(data, 1, len, f->stream) != len) {
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write: %s",
                 strerror(errno));
        fsout_abort(f);
        return -1;
    }
    return fsout_commit(f, d);
}
