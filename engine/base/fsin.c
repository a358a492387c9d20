/*
 * fsin.c — reading input files; see fsin.h.
 */
#define _GNU_SOURCE
#include "base/fsin.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

const char *fsin_size_text(double size, char *buf)
{
    if (size >= 1024 * 1024)
        snprintf(buf, 32, "%.4g MB", size / (1024.0 * 1024.0));
    else if (size >= 1024)
        snprintf(buf, 32, "%.4g KB", size / 1024.0);
    else
        snprintf(buf, 32, "%.0f bytes", size);
    return buf;
}

/* Whether FD may be read (not a folder, not a regular file over MAX
 * bytes); closes FD when not, with the reason in WHY.  *SB is its stat. */
static int fd_usable(int fd, size_t max, struct stat *sb, fsin_status *st, char *why,
                     size_t whysize)
{
    if (fstat(fd, sb) != 0) {
        snprintf(why, whysize, "cannot read: %s", strerror(errno));
        *st = FSIN_FAILED;
        close(fd);
        return 0;
    }
    if (S_ISDIR(sb->st_mode)) {
        snprintf(why, whysize, "is a folder, not a file");
        *st = FSIN_NOT_REGULAR;
        close(fd);
        return 0;
    }
    char a[32], b[32];
    if (S_ISREG(sb->st_mode) && (size_t)sb->st_size > max) {
        snprintf(why, whysize, "is %s, larger than the limit of %s",
                 fsin_size_text((double)sb->st_size, a), fsin_size_text((double)max, b));
        *st = FSIN_TOO_BIG;
        close(fd);
        return 0;
    }
    return 1;
}

/* Read all of FD (at most MAX bytes); closes FD. */
static char *read_fd(int fd, size_t max, size_t *len, fsin_status *st, char *why,
                     size_t whysize)
{
    struct stat sb;
    char b[32];
    if (!fd_usable(fd, max, &sb, st, why, whysize))
        return NULL;
    size_t cap = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 8192, used = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (used == cap) {
            if (used > max)
                break;
            size_t grown_cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *grown = realloc(buf, grown_cap + 1);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap = grown_cap;
        }
        ssize_t got = read(fd, buf + used, cap - used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            snprintf(why, whysize, "cannot read: %s", strerror(errno));
            *st = FSIN_FAILED;
            free(buf);
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        used += (size_t)got;
    }
    close(fd);
    if (!buf) {
        snprintf(why, whysize, "cannot read: out of memory");
        *st = FSIN_FAILED;
        return NULL;
    }
    if (used > max) {
        snprintf(why, whysize, "is larger than the limit of %s", fsin_size_text((double)max, b));
        *st = FSIN_TOO_BIG;
        free(buf);
        return NULL;
    }
    buf[used] = '\0';
    *len = used;
    *st = FSIN_OK;
    return buf;
}

static void (*observer)(void *ctx, const char *dir, const char *path);
static void *observer_ctx;

void fsin_observe(void (*fn)(void *ctx, const char *dir, const char *path), void *ctx)
{
    observer = fn;
    observer_ctx = ctx;
}

char *fsin_read(const char *path, size_t max, size_t *len, diag_list *d)
{
    if (observer)
        observer(observer_ctx, NULL, path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        return NULL;
    }
    fsin_status st;
    char why[200];
    char *text = read_fd(fd, max, len, &st, why, sizeof why);
    if (!text)
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "%s%s", why,
                 st == FSIN_TOO_BIG ? " (raise it with --limit file=MB)" : "");
    if (!text && st == FSIN_TOO_BIG)
        d->limit_hit = 1;
    return text;
}

/* The block fsin_read_lines reads at a time: a few hundred lines, small
 * enough to stay in the cache (a file read whole was a page fault every
 * 4 KB of it). */
#define FSIN_BLOCK (1u << 20)

typedef struct line_feed {
    char *buf;
    size_t cap, used;
    int (*fn)(void *ctx, char *lines, size_t len);
    void *ctx;
} line_feed;

/* Hand the whole lines in the buffer (all of it at the end of the file)
 * to the reader and keep the rest; FN's answer, or 0 while there is no
 * whole line yet. */
static int feed_lines(line_feed *f, int at_end)
{
    char *cut = at_end ? f->buf + f->used - 1 : memrchr(f->buf, '\n', f->used);
    if (!f->used || !cut)
        return 0;
    size_t n = (size_t)(cut - f->buf) + 1;
    char keep = f->buf[n];
    f->buf[n] = '\0';
    int rc = f->fn(f->ctx, f->buf, n);
    f->buf[n] = keep;
    memmove(f->buf, f->buf + n, f->used - n);
    f->used -= n;
    return rc;
}

/* Read FD through F, at most MAX bytes; closes FD.  -1 with WHY set after
 * a read error or too many bytes, FN's answer when it stops, else 0. */
static int stream_fd(int fd, line_feed *f, size_t max, fsin_status *st, char *why,
                     size_t whysize)
{
    size_t total = 0;
    int rc = 0;
    *st = FSIN_OK;
    while (rc == 0) {
        if (f->used == f->cap && !memchr(f->buf, '\n', f->used)) {
            char *grown = realloc(f->buf, 2 * f->cap + 1);     /* a long line */
            if (!grown) {
                snprintf(why, whysize, "cannot read: out of memory");
                *st = FSIN_FAILED;
                break;
            }
            f->buf = grown;
            f->cap *= 2;
        } else if (f->used == f->cap) {
            rc = feed_lines(f, 0);
            continue;
        }
        ssize_t got = read(fd, f->buf + f->used, f->cap - f->used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            snprintf(why, whysize, "cannot read: %s", strerror(errno)), *st = FSIN_FAILED;
        total += got > 0 ? (size_t)got : 0;
        if (total > max) {
            char b[32];
            snprintf(why, whysize, "is larger than the limit of %s",
                     fsin_size_text((double)max, b));
            *st = FSIN_TOO_BIG;
        }
        if (*st != FSIN_OK)
            break;
        f->used += (size_t)got;
        if (got == 0) {
            rc = feed_lines(f, 1);
            break;
        }
    }
    close(fd);
    return *st != FSIN_OK ? -1 : rc;
}

int fsin_read_lines(const char *path, size_t max,
                    int (*fn)(void *ctx, char *lines, size_t len), void *ctx,
                    diag_list *d)
{
    if (observer)
        observer(observer_ctx, NULL, path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        return -1;
    }
    fsin_status st;
    char why[200];
    struct stat sb;
    line_feed f = { .buf = malloc(FSIN_BLOCK + 1), .cap = FSIN_BLOCK, .fn = fn, .ctx = ctx };
    int rc = -1;
    if (!f.buf) {
        snprintf(why, sizeof why, "cannot read: out of memory");
        st = FSIN_FAILED;
        close(fd);
    } else if (fd_usable(fd, max, &sb, &st, why, sizeof why)) {
        rc = stream_fd(fd, &f, max, &st, why, sizeof why);
    }
    free(f.buf);
    if (st != FSIN_OK)
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "%s%s", why,
                 st == FSIN_TOO_BIG ? " (raise it with --limit file=MB)" : "");
    if (st == FSIN_TOO_BIG)
        d->limit_hit = 1;
    return rc;
}

/* Without openat2 (old kernels, or valgrind, which does not know the
 * call): resolve DIR and DIR/REL with realpath and open the result only
 * when it lies inside DIR.  (A link swapped in between the two steps could
 * get out here; openat2 closes that gap where it exists.) */
static int open_resolved(const char *dir, const char *rel)
{
    char *base = realpath(dir, NULL);
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *joined = malloc(n);
    char *real = NULL;
    int fd = -1, err = ENOMEM;
    if (base && joined) {
        snprintf(joined, n, "%s/%s", dir, rel);
        real = realpath(joined, NULL);
        err = errno;
        /* a missing file in a folder outside is outside, as openat2 says */
        char *slash = real ? NULL : strrchr(joined, '/');
        if (slash && err == ENOENT) {
            *slash = '\0';
            real = realpath(joined, NULL);
            if (real && !(strncmp(real, base, strlen(base)) == 0
                          && (real[strlen(base)] == '/' || real[strlen(base)] == '\0')))
                err = EXDEV;
            free(real);
            real = NULL;
        }
    } else if (!base) {
        err = errno;
    }
    if (real) {
        size_t bl = strlen(base);
        int inside = strncmp(real, base, bl) == 0 && (real[bl] == '/' || (bl == 1 && base[0] == '/'));
        if (!inside) {
            err = EXDEV;
        } else {
            fd = open(real, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
            err = errno;
        }
    }
    free(base);
    free(joined);
    free(real);
    errno = err;
    return fd;
}

static int open_beneath(const char *dir, int dirfd, const char *rel)
{
#ifdef RUNNING_ON_VALGRIND
    if (RUNNING_ON_VALGRIND)
        return open_resolved(dir, rel);
#endif
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
    if (fd < 0 && (errno == ENOSYS || errno == EPERM))
        return open_resolved(dir, rel);
    return (int)fd;
}

/* Whether REL's ".." components climb above its start ("a/../.." does). */
static int climbs_out(const char *rel)
{
    int depth = 0;
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            depth--;
        else if (n && !(n == 1 && p[0] == '.'))
            depth++;
        if (depth < 0)
            return 1;
        p += n;
        while (*p == '/')
            p++;
    }
    return 0;
}

char *fsin_read_beneath(const char *dir, const char *rel, size_t max, size_t *len,
                        fsin_status *status, char *why, size_t whysize)
{
    if (observer)
        observer(observer_ctx, dir, rel);
    *status = FSIN_FAILED;
    if (climbs_out(rel)) {
        snprintf(why, whysize, "leads out of its folder (through \"..\" or a "
                 "symbolic link); files must stay inside it");
        *status = FSIN_OUTSIDE;
        return NULL;
    }
    if (!*rel || rel[0] == '/') {
        snprintf(why, whysize, "must be a path relative to its folder");
        *status = FSIN_OUTSIDE;
        return NULL;
    }
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        snprintf(why, whysize, "cannot open the folder %s: %s", dir, strerror(errno));
        *status = errno == ENOENT ? FSIN_NOT_FOUND : FSIN_FAILED;
        return NULL;
    }
    int fd = open_beneath(dir, dirfd, rel);
    int err = errno;
    close(dirfd);
    if (fd < 0) {
        if (err == ENOENT || err == ENOTDIR) {
            snprintf(why, whysize, "not found");
            *status = FSIN_NOT_FOUND;
        } else if (err == EXDEV || err == ELOOP) {
            snprintf(why, whysize, "leads out of its folder (through \"..\" or a "
                     "symbolic link); files must stay inside it");
            *status = FSIN_OUTSIDE;
        } else {
            snprintf(why, whysize, "cannot read: %s", strerror(err));
        }
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
        snprintf(why, whysize, "is not a regular file (a FIFO, device or socket)");
        *status = FSIN_NOT_REGULAR;
        close(fd);
        return NULL;
    }
    return read_fd(fd, max, len, status, why, whysize);
}
