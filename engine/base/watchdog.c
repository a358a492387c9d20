/*
 * watchdog.c — the run's deadline; see watchdog.h.
 */
#define _GNU_SOURCE
#include "base/watchdog.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/fsout.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static int started;
static double armed_seconds;
static long long deadline_ns;           /* under lock */
static atomic_int expired;
static atomic_int in_lua;               /* nesting of watchdog_lua_enter */
static atomic_int holds;
static const char *_Atomic stage = "working";

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec at(long long ns)
{
    struct timespec ts = { (time_t)(ns / 1000000000LL), (long)(ns % 1000000000LL) };
    return ts;
}

/* End the run: one message, no temporary left behind, exit 3. */
static void end_run(const char *why)
{
    char msg[300];
    int n = snprintf(msg, sizeof msg, "cjm: error: time limit of %g s exceeded "
                     "%s %s (raise it with --timeout)\n", armed_seconds, why,
                     atomic_load(&stage));
    if (n > 0)
        (void)!write(STDERR_FILENO, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
    fsout_remove_all();
    _exit(EXIT_LIMIT);
}

static void *watch(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        long long now = now_ns();
        if (now < deadline_ns) {
            struct timespec ts = at(deadline_ns);
            pthread_cond_timedwait(&wake, &lock, &ts);
            continue;                   /* re-armed, or the time came */
        }
        atomic_store(&expired, 1);
        long long grace = (long long)(WATCHDOG_GRACE_S * 1e9);
        if (now < deadline_ns + grace) {
            /* Lua's count hook stops a script and the run reports it and
             * ends; wait for that */
            struct timespec ts = at(deadline_ns + grace);
            pthread_cond_timedwait(&wake, &lock, &ts);
            continue;
        }
        if (atomic_load(&holds)) {
            struct timespec ts = at(now + 5000000LL);   /* committing: 5 ms */
            pthread_cond_timedwait(&wake, &lock, &ts);
            continue;
        }
        end_run(atomic_load(&in_lua) ? "(the script was stuck inside a library "
                "call) while" : "while");
    }
    return NULL;
}

void watchdog_arm(double seconds)
{
    pthread_mutex_lock(&lock);
    armed_seconds = seconds;
    deadline_ns = now_ns() + (long long)(seconds * 1e9);
    atomic_store(&expired, 0);
    if (!started) {
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&wake, &ca);
        pthread_condattr_destroy(&ca);
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&attr, 64 * 1024);
        /* signals are the main thread's business (cjm serve waits for
         * them there): the watchdog's thread blocks them all */
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old);
        if (pthread_create(&t, &attr, watch, NULL) == 0)
            started = 1;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        pthread_attr_destroy(&attr);
    } else {
        pthread_cond_signal(&wake);
    }
    pthread_mutex_unlock(&lock);
}

double watchdog_seconds(void)
{
    return armed_seconds;
}

int watchdog_expired(void)
{
    return atomic_load_explicit(&expired, memory_order_relaxed);
}

void watchdog_lua_enter(void)
{
    atomic_fetch_add(&in_lua, 1);
}

void watchdog_lua_leave(void)
{
    atomic_fetch_sub(&in_lua, 1);
}

void watchdog_stage(const char *what)
{
    atomic_store(&stage, what);
}

void watchdog_hold(void)
{
    atomic_fetch_add(&holds, 1);
}

void watchdog_release(void)
{
    atomic_fetch_sub(&holds, 1);
}
