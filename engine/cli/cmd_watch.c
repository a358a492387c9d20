/*
 * cmd_watch.c — `cjm watch`: render again whenever a file the last render
 * read changes (cli/readwatch.c), print problems as they come, and keep
 * the last good output: a render that fails changes no file.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/fsout.h"
#include "base/watchdog.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/readwatch.h"

void help_watch(FILE *out)
{
    fputs("usage: cjm watch FILE... -o OUT [render options]\n\n"
          "Render as `cjm render` does, then again each time a file the render\n"
          "read or looked for is saved, created or removed: the journey, its Lua\n"
          "modules and templates, stdlib modules, its data and photos.  Problems are\n"
          "printed as they come, and a render that fails leaves OUT as it was,\n"
          "so OUT is always the last good drawing.  Each render has the\n"
          "--timeout of a run; Ctrl-C stops watching.\n\n"
          "options: those of `cjm render` (cjm help render)\n\n"
          "examples:\n"
          "  cjm watch journey.yaml -o map.svg\n"
          "  cjm watch journey.lua -o map.png --theme dark\n", out);
}

/* One render with ARGS; its outputs put in place when it went well. */
static int render_once(int argc, char **argv)
{
    int rc = cmd_render(argc, argv);
    if (rc == EXIT_OK) {
        diag_list d;
        diag_init(&d);
        watchdog_hold();
        if (fsout_commit_all(&d) < 0)
            rc = EXIT_INPUT;
        watchdog_release();
        diag_print(&d, stderr);
        diag_free(&d);
    } else {
        fsout_discard_all();
    }
    /* no deadline while waiting for the next change */
    watchdog_arm(1e9);
    time_t now = time(NULL);
    char at[16];
    strftime(at, sizeof at, "%H:%M:%S", localtime(&now));
    fprintf(stderr, rc == EXIT_OK ? "cjm watch: %s rendered; watching for changes\n"
                                  : "cjm watch: %s problems above; the output is as it "
                                    "was; watching for changes\n", at);
    return rc;
}

/* Block until a file the last render read changes, then let a burst of
 * events settle (150 ms without one). */
static int wait_change(readwatch *w)
{
    int changed = 0;
    for (;;) {
        struct pollfd p = { readwatch_fd(w), POLLIN, 0 };
        int r = poll(&p, 1, changed ? 150 : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r < 0 ? -1 : 0;
        int c = readwatch_changed(w);
        if (c < 0)
            return -1;
        changed |= c;
    }
}

int cmd_watch(int argc, char **argv)
{
    const cli_option *opts = render_option_table();
    static cli_args args;
    int rc = cli_parse("watch", opts, argc, argv, &args);
    if (rc)
        return rc;
    if (cli_value(opts, &args, "help")) {
        help_watch(stdout);
        return EXIT_OK;
    }
    if (!args.positional_count || !cli_value(opts, &args, "output")) {
        fprintf(stderr, "cjm watch: expected FILE... -o OUT\nTry 'cjm help watch'.\n");
        return EXIT_USAGE;
    }
    readwatch *w = readwatch_new("watch");
    if (!w)
        return EXIT_INPUT;
    for (;;) {
        readwatch_begin(w);
        render_once(argc, argv);
        readwatch_end(w);
        if (wait_change(w) < 0)
            break;
    }
    readwatch_free(w);
    return EXIT_INPUT;
}
