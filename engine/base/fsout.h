/*
 * fsout.h — atomic output files.
 *
 * Every file cjm writes goes first to a temporary file in the target's
 * folder, which is renamed over the target only when the whole output was
 * written.  A failed run, a limit that ends it, a watchdog or a signal
 * leave every existing file as it was and no temporary file behind: open
 * temporaries are registered so fsout_remove_all() (safe in a signal
 * handler) can delete them.
 */
#ifndef CJM_FSOUT_H
#define CJM_FSOUT_H

#include <stddef.h>
#include <stdio.h>
#include "base/diag.h"

typedef struct fsout fsout;

/* Open a temporary file for TARGET.  TARGET "-" writes to standard output
 * directly.  Returns NULL and adds an error to D on failure. */
fsout *fsout_open(const char *target, diag_list *d);

/* The stream to write to. */
FILE *fsout_stream(fsout *f);

/* Flush, close and rename over the target.  Frees F.  Returns 0 on
 * success; on failure removes the temporary, adds an error and returns -1. */
int fsout_commit(fsout *f, diag_list *d);

/* Close and delete the temporary; the target is untouched.  Frees F. */
void fsout_abort(fsout *f);

/* Write LEN bytes of DATA to TARGET atomically.  0 or -1 as above. */
int fsout_write_file(const char *target, const void *data, size_t len,
                     diag_list *d);

/* Delete every registered temporary.  Async-signal-safe. */
void fsout_remove_all(void);

/* Install SIGINT/SIGTERM/SIGHUP handlers that delete temporaries and exit. */
void fsout_install_signal_handlers(void);

#endif
