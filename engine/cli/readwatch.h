/*
 * readwatch.h — knowing when a file a run read has changed.
 *
 * Between readwatch_begin and readwatch_end every file cjm is asked to
 * read (the journey, its Lua modules and templates, stdlib modules, data
 * and photos; see fsin_observe) is noted, found or not.  After the end,
 * inotify watches their folders, and readwatch_changed tells whether one
 * of those files was written, created, moved in or removed: a new file
 * where a missing one was looked for counts, an output or an editor's
 * swap file in the same folder does not.
 */
#ifndef CJM_READWATCH_H
#define CJM_READWATCH_H

typedef struct readwatch readwatch;

/* NULL (after a message on stderr) when inotify is not available. */
readwatch *readwatch_new(const char *command);
void readwatch_free(readwatch *w);

/* Forget the files noted so far and note the reads from now on. */
void readwatch_begin(readwatch *w);
/* Stop noting; watch the folders of the files noted. */
void readwatch_end(readwatch *w);

/* The descriptor to poll for POLLIN. */
int readwatch_fd(const readwatch *w);

/* Read the events waiting on the descriptor: 1 when one is about a noted
 * file, 0 when none is, -1 when the descriptor failed. */
int readwatch_changed(readwatch *w);

/* The number of files noted (for messages and tests). */
int readwatch_count(const readwatch *w);

#endif
