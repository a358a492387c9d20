/*
 * fsout.h — output files, written all or nothing.
 *
 * Every file a run produces goes first to a temporary file in the
 * target's folder.  Closing it leaves it staged; when the run ends without
 * an error, main() renames every staged file over its target at once
 * (fsout_commit_all, with signals held off and the watchdog waiting);
 * otherwise they are all removed (fsout_discard_all).  A failed run — bad
 * input, a limit, an out-of-memory exit, Ctrl-C, the watchdog — leaves
 * every existing file as it was and no temporary file behind: temporaries
 * are kept in a list that a signal handler can walk without locks or
 * allocation (fsout_remove_all).
 *
 * Standard output ("-") is written directly, and so is a target that is a
 * device, a FIFO or a socket (/dev/null, /dev/full): renaming over one
 * would replace the device node.
 */
#ifndef CJM_FSOUT_H
#define CJM_FSOUT_H

#include <stddef.h>
#include <stdio.h>
#include "base/diag.h"

typedef struct fsout fsout;

/* Open a temporary file for TARGET.  NULL and an error in D on failure. */
fsout *fsout_open(const char *target, diag_list *d);

/* The stream to write to. */
FILE *fsout_stream(fsout *f);

/* Finish writing (flush, sync, close); the file stays staged until the
 * run ends.  Frees F.  0, or -1 after an error in D (the temporary is
 * removed then). */
int fsout_close(fsout *f, diag_list *d);

/* Close and delete the temporary; the target is untouched.  Frees F. */
void fsout_abort(fsout *f);

/* Write LEN bytes of DATA to TARGET: open, write, close (staged). */
int fsout_write_file(const char *target, const void *data, size_t len,
                     diag_list *d);

/* Rename every staged file over its target.  0, or -1 after an error in
 * D (a rename that failed: that file stays as it was). */
int fsout_commit_all(diag_list *d);

/* Remove every staged or open temporary; no target changes. */
void fsout_discard_all(void);

/* Delete every temporary.  Async-signal-safe. */
void fsout_remove_all(void);

/* Print "cjm: error: WHY", remove every temporary and exit with status 3
 * (out of memory and the like, where the run cannot go on). */
void fsout_fatal(const char *why) __attribute__((noreturn));

/* Install SIGINT/SIGTERM/SIGHUP handlers that delete temporaries and exit. */
void fsout_install_signal_handlers(void);

#endif
