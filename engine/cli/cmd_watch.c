/*
 * cmd_watch.c — `cjm watch`: render again whenever a file the journey may
 * read changes (inotify on the folders of the journeys and of their
 * --templates), print problems as they come, and keep the last good
 * output: a render that fails changes no file.
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

void help_watch(FILE *out)
{
    fputs("usage: cjm watch FILE... -o OUT [render options]\n\n"
          "Render as `cjm render` does, then again each time a file in the\n"
          "folder of a journey (the journey, its Lua modules and templates, its\n"
          "data and photos) or in a --templates folder is saved.  Problems are\n"
          "printed as they come, and a render that fails leaves OUT as it was,\n"
          "so OUT is always the last good drawing.  Each render has the\n"
          "--timeout of a run; Ctrl-C stops watching.\n\n"
          "options: those of `cjm render` (cjm help render)\n\n"
          "examples:\n"
          "  cjm watch journey.yaml -o map.svg\n"
          "  cjm watch journey.lua -o map.png --theme dark\n", out);
}

/* The folder of PATH ("." for a bare name). */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
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

/* The files a render writes (by their names), whose changes are not news. */
static const char *written[2];

static const char *base_of(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path;
}

/* Whether event E is about a file worth a new render: not an output or
 * its temporaries, not an editor's swap file. */
static int worth(const struct inotify_event *e)
{
    if (!e->len)
        return 1;
    const char *n = e->name;
    for (int k = 0; k < 2; k++)
        if (written[k] && *written[k] && !strcmp(n, written[k]))
            return 0;
    /* (outputs are staged as .NAME.cjm-XXXXXX beside them, base/fsout.c) */
    return !strstr(n, ".cjm-") && strncmp(n, ".#", 2) != 0 && n[0] != '#'
           && !strstr(n, ".swp") && !strstr(n, ".swx") && n[strlen(n) - 1] != '~';
}

/* Block until a worthy change, then let a burst of events settle. */
static int wait_change(int fd)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    int changed = 0;
    for (;;) {
        struct pollfd p = { fd, POLLIN, 0 };
        int r = poll(&p, 1, changed ? 150 : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r < 0 ? -1 : 0;      /* quiet for 150 ms after a change */
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return -1;
        for (char *p2 = buf; p2 < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p2;
            changed |= worth(e);
            p2 += sizeof *e + e->len;
        }
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
    written[0] = base_of(cli_value(opts, &args, "output"));
    written[1] = base_of(cli_value(opts, &args, "boxes"));
    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "cjm watch: cannot watch files: %s\n", strerror(errno));
        return EXIT_INPUT;
    }
    uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE;
    int tdx = cli_index(opts, "templates");
    for (int k = 0; k < args.positional_count + args.seen[tdx]; k++) {
        char *dir = k < args.positional_count ? folder_of(args.positional[k])
                                              : strdup(args.multi[tdx][k - args.positional_count]);
        if (dir && inotify_add_watch(fd, dir, mask) < 0)
            fprintf(stderr, "cjm watch: cannot watch %s: %s\n", dir, strerror(errno));
        free(dir);
    }
    for (;;) {
        render_once(argc, argv);
        if (wait_change(fd) < 0)
            break;
    }
    close(fd);
    return EXIT_INPUT;
}
