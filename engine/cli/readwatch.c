/*
 * readwatch.c — inotify on the folders of the files a run read; see
 * readwatch.h.
 *
 * Files are kept as the real path of their folder plus their name, so an
 * event (a watched folder and a name) is matched by the same two strings
 * however the file was named ("./a/../j.yaml" or "j.yaml").
 */
#define _DEFAULT_SOURCE
#include "cli/readwatch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/fsin.h"
#include "base/idmap.h"

typedef struct folder { int wd; const char *real; } folder;

struct readwatch {
    const char *command;
    int fd;
    arena mem;              /* the names; cleared by readwatch_begin */
    idmap files;            /* "REALDIR/NAME" of every file noted */
    folder *folders;        /* watched, by watch descriptor */
    int nfolders, cap;
};

readwatch *readwatch_new(const char *command)
{
    readwatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->command = command;
    w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->fd < 0) {
        fprintf(stderr, "cjm %s: cannot watch files: %s\n", command, strerror(errno));
        free(w);
        return NULL;
    }
    arena_init(&w->mem);
    idmap_init(&w->files, &w->mem, 64);
    return w;
}

static void drop_watches(readwatch *w)
{
    for (int i = 0; i < w->nfolders; i++)
        inotify_rm_watch(w->fd, w->folders[i].wd);
    w->nfolders = 0;
}

void readwatch_free(readwatch *w)
{
    if (!w)
        return;
    fsin_observe(NULL, NULL);
    close(w->fd);
    free(w->folders);
    arena_free(&w->mem);
    free(w);
}

/* The real path of folder DIR, in the arena; NULL when it does not exist. */
static const char *real_folder(readwatch *w, const char *dir)
{
    char real[PATH_MAX];
    return realpath(dir, real) ? arena_strdup(&w->mem, real) : NULL;
}

/* Note DIR/PATH (DIR NULL: PATH as given). */
static void note(void *ctx, const char *dir, const char *path)
{
    readwatch *w = ctx;
    char full[PATH_MAX];
    snprintf(full, sizeof full, "%s%s%s", dir ? dir : "", dir ? "/" : "", path);
    char *slash = strrchr(full, '/');
    const char *name = slash ? slash + 1 : full;
    if (slash == full)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    const char *real = real_folder(w, slash ? full : ".");
    if (real && *name)
        idmap_add_grow(&w->files, &w->mem, arena_printf(&w->mem, "%s%s%s", real,
                                                         strcmp(real, "/") ? "/" : "", name), 1);
}

void readwatch_begin(readwatch *w)
{
    drop_watches(w);
    arena_free(&w->mem);
    arena_init(&w->mem);
    idmap_init(&w->files, &w->mem, 64);
    fsin_observe(note, w);
}

/* Watch folder REAL (once). */
static void watch_folder(readwatch *w, const char *real)
{
    for (int i = 0; i < w->nfolders; i++)
        if (strcmp(w->folders[i].real, real) == 0)
            return;
    int wd = inotify_add_watch(w->fd, real, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM
                                                | IN_CREATE | IN_DELETE);
    if (wd < 0) {
        fprintf(stderr, "cjm %s: cannot watch %s: %s\n", w->command, real, strerror(errno));
        return;
    }
    if (w->nfolders == w->cap) {
        int cap = w->cap ? 2 * w->cap : 16;
        folder *f = realloc(w->folders, sizeof *f * (size_t)cap);
        if (!f)
            return;
        w->folders = f;
        w->cap = cap;
    }
    w->folders[w->nfolders++] = (folder){ wd, real };
}

void readwatch_end(readwatch *w)
{
    fsin_observe(NULL, NULL);
    for (unsigned i = 0; w->files.mask && i <= w->files.mask; i++) {
        const char *f = w->files.keys[i];
        if (!f)
            continue;
        const char *slash = strrchr(f, '/');
        watch_folder(w, slash == f ? "/" : arena_printf(&w->mem, "%.*s", (int)(slash - f), f));
    }
}

int readwatch_fd(const readwatch *w)
{
    return w->fd;
}

int readwatch_count(const readwatch *w)
{
    return w->files.count;
}

static const char *folder_of_wd(const readwatch *w, int wd)
{
    for (int i = 0; i < w->nfolders; i++)
        if (w->folders[i].wd == wd)
            return w->folders[i].real;
    return NULL;
}

int readwatch_changed(readwatch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    int changed = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN ? changed : -1;
        if (n == 0)
            return -1;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            const char *dir = folder_of_wd(w, e->wd);
            if (dir && e->len) {
                char full[PATH_MAX];
                snprintf(full, sizeof full, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "",
                         e->name);
                changed |= idmap_find(&w->files, full) >= 0;
            }
            p += sizeof *e + e->len;
        }
    }
}
