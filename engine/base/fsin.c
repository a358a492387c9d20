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

/* Read all of FD (at most MAX bytes); closes FD. */
static char *read_fd(int fd, size_t max, size_t *len, fsin_status *st, char *why,
                     size_t whysize)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        snprintf(why, whysize, "cannot read: %s", strerror(errno));
        *st = FSIN_FAILED;
        close(fd);
        return NULL;
    }
    if (S_ISDIR(sb.st_mode)) {
        snprintf(why, whysize, "is a folder, not a file");
        *st = FSIN_NOT_REGULAR;
        close(fd);
        return NULL;
    }
    char a[32], b[32];
    if (S_ISREG(sb.st_mode) && (size_t)sb.st_size > max) {
        snprintf(why, whysize, "is %s, larger than the limit of %s", 
                 fsin_size_text((double)sb.st_size, a), fsin_size_text((double)max, b));
        *st = FSIN_TOO_BIG;
        close(fd);
        return NULL;
    }
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
