/*
 * watchdog.h — one wall-clock deadline for the whole run.
 *
 * `--timeout` bounds everything a run does: loading, Lua, simulation,
 * drawing, writing.  A thread sleeps until the deadline.  When it passes:
 *  - it is marked expired: while Lua runs, the sandbox's count hook stops
 *    the script with a message and the run ends through the normal error
 *    path (exit 3, file and line);
 *  - if the process is still running WATCHDOG_GRACE_S later (stuck inside
 *    a C function such as string.find or a finalizer, where no hook
 *    fires, or in C work, which has no hook), the watchdog ends it.
 * Ending the process means: one message naming the stage, every
 * temporary output file removed (fsout), exit status 3.  While outputs
 * are being renamed into place (watchdog_hold), it waits, so a run ends
 * with all of its files or none.
 */
#ifndef CJM_WATCHDOG_H
#define CJM_WATCHDOG_H

#define WATCHDOG_GRACE_S 1.0

/* Set the deadline SECONDS from now (again: a new deadline) and start the
 * thread if it is not running. */
void watchdog_arm(double seconds);

/* The seconds the deadline was armed with (0 when not armed). */
double watchdog_seconds(void);

/* Whether the deadline has passed. */
int watchdog_expired(void);

/* Lua starts / stops running (nested calls allowed). */
void watchdog_lua_enter(void);
void watchdog_lua_leave(void);

/* What the run is doing, for the message ("simulating"); a literal. */
void watchdog_stage(const char *what);

/* Keep the watchdog from ending the process until the matching release
 * (around renaming finished outputs into place). */
void watchdog_hold(void);
void watchdog_release(void);

#endif
