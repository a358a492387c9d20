/*
 * fsin.h — reading input files, safely.
 *
 * Two ways in, one reader:
 *  - fsin_read: a file the user named on the command line.  Any path;
 *    a folder is refused; at most MAX bytes are read.
 *  - fsin_read_beneath: a file a journey or template names (require,
 *    ctx.load, a persona photo).  REL is resolved inside DIR and may not
 *    leave it: no absolute path, no "..", no symbolic link that points
 *    out (links inside DIR are fine).  The kernel enforces this while it
 *    resolves the path (openat2 with RESOLVE_BENEATH), so a link swapped
 *    in between a check and the open cannot get out either; where openat2
 *    is missing (old kernels, valgrind) the path is resolved with realpath
 *    and checked before it is opened.  The file must be a regular file (a FIFO would block the
 *    run, a device would never end) of at most MAX bytes.
 * Both return a malloc'd buffer with a NUL after LEN bytes.
 */
#ifndef CJM_FSIN_H
#define CJM_FSIN_H

#include <stddef.h>
#include "base/diag.h"

typedef enum {
    FSIN_OK,
    FSIN_NOT_FOUND,     /* no such file */
    FSIN_OUTSIDE,       /* the path leads out of DIR */
    FSIN_NOT_REGULAR,   /* a folder, FIFO, device or socket */
    FSIN_TOO_BIG,       /* more than MAX bytes */
    FSIN_FAILED         /* any other error (errno in the message) */
} fsin_status;

/* Read PATH (named by the user).  NULL after an error naming PATH is
 * added to D. */
char *fsin_read(const char *path, size_t max, size_t *len, diag_list *d);

/* Read PATH (named by the user) a block of whole lines at a time, for
 * files too big to hold at once: FN(CTX, LINES, LEN) is called on each
 * block in order, LINES writable with a NUL after LEN bytes, every block
 * but the last ending in '\n' (a block grows to hold a longer line).  At
 * most MAX bytes in all.  FN returns 0 to go on, anything else to stop.
 * 0 when all was read; FN's answer when it stopped; -1 after an error
 * naming PATH is added to D. */
int fsin_read_lines(const char *path, size_t max,
                    int (*fn)(void *ctx, char *lines, size_t len), void *ctx,
                    diag_list *d);

/* Read REL inside DIR.  NULL with *STATUS set and a reason (without the
 * file name) in WHY; *STATUS is FSIN_OK on success. */
char *fsin_read_beneath(const char *dir, const char *rel, size_t max, size_t *len,
                        fsin_status *status, char *why, size_t whysize);

/* Call FN(CTX, DIR, PATH) for every file either function is asked for,
 * found or not (DIR is NULL for fsin_read), from now on; FN NULL: stop.
 * For watching what a run reads (cjm watch, cjm serve). */
void fsin_observe(void (*fn)(void *ctx, const char *dir, const char *path), void *ctx);

/* "1.5 MB", "64 MB", "900 bytes": SIZE for messages, in BUF (32 bytes). */
const char *fsin_size_text(double size, char *buf);

#endif
