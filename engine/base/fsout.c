/*
 * fsout.c — staged output files; see fsout.h.
 *
 * Temporaries live in a list that only grows: an entry is pushed with a
 * compare-and-swap and never unlinked, so a signal handler or the
 * watchdog can walk it at any moment; its state says whether its file
 * still exists.
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

enum { ENTRY_GONE, ENTRY_WRITING, ENTRY_STAGED };

typedef struct entry {
    atomic_int state;
    char *tmp, *target;
    struct entry *next;
} entry;

static entry *_Atomic head;

struct fsout {
    FILE *stream;
    entry *e;                   /* NULL for standard output and devices */
    int direct;                 /* written in place (a device or FIFO) */
    char *target;
};

static entry *add_entry(char *tmp, char *target)
{
    entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->tmp = tmp;
    e->target = target;
    atomic_store(&e->state, ENTRY_WRITING);
    entry *old = atomic_load(&head);
    do
        e->next = old;
    while (!atomic_compare_exchange_weak(&head, &old, e));
    return e;
}

void fsout_remove_all(void)
{
    for (entry *e = atomic_load(&head); e; e = e->next)
        if (atomic_exchange(&e->state, ENTRY_GONE) != ENTRY_GONE)
            unlink(e->tmp);
}

void fsout_discard_all(void)
{
    fsout_remove_all();
}

void fsout_fatal(const char *why)
{
    fprintf(stderr, "cjm: error: %s\n", why);
    fsout_remove_all();
    exit(EXIT_LIMIT);
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

/* TARGET as the file to replace: a symbolic link to a file is followed,
 * so the file is replaced and the link stays.  Malloc'd. */
static char *real_target(const char *target)
{
    struct stat ls;
    char *real = NULL;
    if (lstat(target, &ls) == 0 && S_ISLNK(ls.st_mode))
        real = realpath(target, NULL);
    return real ? real : strdup(target);
}

/* Open TARGET in place (a device, a FIFO). */
static fsout *open_direct(fsout *f, const char *target, diag_list *d)
{
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

/* The permissions an output gets: the existing target's, else 0666 less
 * the umask. */
static mode_t output_mode(const char *target)
{
    struct stat st;
    if (stat(target, &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static fsout *open_staged(fsout *f, const char *target, diag_list *d)
{
    char *real = real_target(target);
    const char *slash = real ? strrchr(real, '/') : NULL;
    size_t dirlen = slash ? (size_t)(slash - real) + 1 : 0;
    size_t need = (real ? strlen(real) : 0) + 32;
    char *tmp = malloc(need);
    if (!real || !tmp) {
        free(real);
        free(tmp);
        free(f);
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "out of memory");
        return NULL;
    }
    /* the temporary sits beside the target so rename() stays atomic */
    snprintf(tmp, need, "%.*s.%s.cjm-XXXXXX", (int)dirlen, real, real + dirlen);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        if (dirlen)
            diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write into the folder "
                     "%.*s: %s", dirlen > 1 ? (int)dirlen - 1 : 1, real,
                     err == ENOENT ? "there is no such folder" : strerror(err));
        else
            diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write into the current "
                     "folder: %s", strerror(err));
        free(tmp);
        free(real);
        free(f);
        return NULL;
    }
    f->e = add_entry(tmp, real);
    f->stream = f->e ? fdopen(fd, "wb") : NULL;
    if (!f->stream) {
        close(fd);
        unlink(tmp);
        if (f->e)
            atomic_store(&f->e->state, ENTRY_GONE);
        else {
            free(tmp);
            free(real);
        }
        free(f);
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write: %s", strerror(errno));
        return NULL;
    }
    (void)!fchmod(fd, output_mode(real));   /* else mkstemp's 0600 */
    f->target = strdup(target);
    return f;
}

fsout *fsout_open(const char *target, diag_list *d)
{
    fsout *f = calloc(1, sizeof *f);
    if (!f) {
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "out of memory");
        return NULL;
    }
    if (strcmp(target, "-") == 0) {
        f->stream = stdout;
        return f;
    }
    struct stat ts;
    if (stat(target, &ts) == 0 && S_ISDIR(ts.st_mode)) {
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "is a folder; give a file name");
        free(f);
        return NULL;
    }
    if (stat(target, &ts) == 0 && !S_ISREG(ts.st_mode))
        return open_direct(f, target, d);
    return open_staged(f, target, d);
}

FILE *fsout_stream(fsout *f)
{
    return f->stream;
}

int fsout_close(fsout *f, diag_list *d)
{
    int failed = ferror(f->stream) || fflush(f->stream) != 0;
    int saved = failed ? errno : 0;
    if (f->e && !failed && fsync(fileno(f->stream)) != 0) {
        failed = 1;
        saved = errno;
    }
    if (f->stream != stdout && fclose(f->stream) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (failed)
        diag_add(d, DIAG_ERROR, f->e || f->direct ? f->target : "<stdout>", 0, 0, NULL,
                 "cannot write: %s", strerror(saved ? saved : EIO));
    if (f->e) {
        if (failed) {
            if (atomic_exchange(&f->e->state, ENTRY_GONE) != ENTRY_GONE)
                unlink(f->e->tmp);
        } else {
            atomic_store(&f->e->state, ENTRY_STAGED);
        }
    }
    free(f->target);
    free(f);
    return failed ? -1 : 0;
}

void fsout_abort(fsout *f)
{
    if (!f)
        return;
    if (f->stream && f->stream != stdout)
        fclose(f->stream);
    if (f->e && atomic_exchange(&f->e->state, ENTRY_GONE) != ENTRY_GONE)
        unlink(f->e->tmp);
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
        diag_add(d, DIAG_ERROR, target, 0, 0, NULL, "cannot write: %s", strerror(errno));
        fsout_abort(f);
        return -1;
    }
    return fsout_close(f, d);
}

int fsout_commit_all(diag_list *d)
{
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);     /* all renamed, or none */
    int rc = 0;
    /* the list is newest first: rename in the order the files were made */
    int n = 0;
    for (entry *e = atomic_load(&head); e; e = e->next)
        n++;
    entry **order = malloc(sizeof *order * (size_t)(n + 1));
    int k = n;
    for (entry *e = atomic_load(&head); e && order; e = e->next)
        order[--k] = e;
    for (int i = 0; order && i < n; i++) {
        entry *e = order[i];
        if (atomic_load(&e->state) != ENTRY_STAGED)
            continue;
        if (rename(e->tmp, e->target) != 0) {
            diag_add(d, DIAG_ERROR, e->target, 0, 0, NULL, "cannot write: %s",
                     strerror(errno));
            unlink(e->tmp);
            rc = -1;
        }
        atomic_store(&e->state, ENTRY_GONE);
    }
    if (!order) {
        fsout_remove_all();
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        rc = -1;
    }
    free(order);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}
