/*
 * options.c — option parsing and data folder discovery; see options.h.
 */
#define _GNU_SOURCE
#include "cli/options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/fsout.h"
#include "base/limit.h"
#include "base/watchdog.h"

#ifndef CJM_DATADIR
#define CJM_DATADIR "/usr/local/share/cjm"
#endif

int cli_index(const cli_option *options, const char *name)
{
    for (int i = 0; options[i].name; i++)
        if (strcmp(options[i].name, name) == 0)
            return i;
    return -1;
}

const char *cli_value(const cli_option *options, const cli_args *args,
                      const char *name)
{
    int i = cli_index(options, name);
    return i >= 0 ? args->values[i] : NULL;
}

static int usage_error(const char *command, const char *fmt, const char *a,
                       const char *b)
{
    fprintf(stderr, "cjm %s: ", command);
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, "\nTry 'cjm help %s'.\n", command);
    return EXIT_USAGE;
}

/* Room for every value the command line could hold: ARGC of them. */
static const char **values_array(int argc)
{
    const char **v = calloc((size_t)argc + 1, sizeof *v);
    if (!v) {
        fsout_fatal("out of memory");
    }
    return v;
}

int cli_parse(const char *command, const cli_option *options, int argc,
              char **argv, cli_args *out)
{
    memset(out, 0, sizeof *out);
    out->positional = values_array(argc);
    int only_positional = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        int idx = -1;
        const char *value = NULL;
        if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
            out->positional[out->positional_count++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_positional = 1;
            continue;
        }
        if (arg[1] == '-') {
            char name[64];
            const char *eq = strchr(arg + 2, '=');
            size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
            snprintf(name, sizeof name, "%.*s", (int)len, arg + 2);
            idx = cli_index(options, name);
            if (idx < 0) {
                const char *names[CLI_MAX_OPTIONS];
                int n = 0;
                for (; options[n].name && n < CLI_MAX_OPTIONS; n++)
                    names[n] = options[n].name;
                const char *near = diag_suggest(name, names, n);
                if (near)
                    return usage_error(command, "unknown option --%s (did you "
                                       "mean --%s?)", name, near);
                return usage_error(command, "unknown option --%s%s", name, "");
            }
            if (eq)
                value = eq + 1;
        } else {
            for (int k = 0; options[k].name; k++)
                if (options[k].short_name && options[k].short_name == arg[1])
                    idx = k;
            if (idx < 0)
                return usage_error(command, "unknown option %s%s", arg, "");
            if (arg[2])
                value = arg + 2;
        }
        if (options[idx].takes_value && !value) {
            if (i + 1 >= argc)
                return usage_error(command, "option --%s needs a value (%s)",
                                   options[idx].name, options[idx].value_name);
            value = argv[++i];
        } else if (!options[idx].takes_value && value) {
            return usage_error(command, "option --%s takes no value%s",
                               options[idx].name, "");
        }
        if (!out->multi[idx])
            out->multi[idx] = values_array(argc);
        out->multi[idx][out->seen[idx]++] = value;
        out->values[idx] = value ? value : "";
    }
    return 0;
}

void cli_print_options(const cli_option *options, FILE *out)
{
    for (int i = 0; options[i].name; i++) {
        char left[64];
        if (options[i].short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", options[i].short_name,
                     options[i].name, options[i].takes_value ? " " : "",
                     options[i].takes_value ? options[i].value_name : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", options[i].name,
                     options[i].takes_value ? " " : "",
                     options[i].takes_value ? options[i].value_name : "");
        fprintf(out, "  %-30s %s\n", left, options[i].help);
    }
}

int cli_number(const char *command, const char *name, const char *s, double min,
               double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || v < min || v > max) {
        fprintf(stderr, "cjm %s: --%s expects a number from %g to %g, got "
                "\"%s\"\nTry 'cjm help %s'.\n", command, name, min, max, s,
                command);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_apply_limits(const char *command, const cli_option *options,
                     const cli_args *args)
{
    /* the shorthands first, so that a --limit given too wins */
    for (int i = 0; i < LIM_COUNT; i++) {
        const limit_info *li = &LIMIT_INFO[i];
        const char *s = li->flag ? cli_value(options, args, li->flag) : NULL;
        double v;
        if (!s)
            continue;
        if (cli_number(command, li->flag, s, li->min, li->max, &v) < 0)
            return EXIT_USAGE;
        limit_set((limit_id)i, v);
    }
    int il = cli_index(options, "limit");
    for (int k = 0; il >= 0 && k < args->seen[il]; k++) {
        char err[400];
        if (limit_parse(args->multi[il][k], err, sizeof err) < 0)
            return usage_error(command, "%s%s", err, "");
    }
    watchdog_arm(limit_get(LIM_TIMEOUT));
    return 0;
}

int cli_load_options(const char *command, const cli_option *options,
                     const cli_args *args, load_options *load)
{
    memset(load, 0, sizeof *load);
    int rc = cli_apply_limits(command, options, args);
    if (rc)
        return rc;
    load->host.datadir = cli_datadir();
    load->host.seed = 1;
    load->host.max_instructions = limit_count(LIM_INSTRUCTIONS);
    load->host.max_memory = limit_bytes(LIM_MEMORY);
    double v;
    const char *s;
    if ((s = cli_value(options, args, "seed"))) {
        if (cli_number(command, "seed", s, 0, 9007199254740992.0, &v) < 0)
            return EXIT_USAGE;
        load->host.seed = (uint64_t)v;
    }
    int ip = cli_index(options, "param"), it = cli_index(options, "templates");
    if (ip >= 0) {
        load->params = args->multi[ip];
        load->param_count = args->seen[ip];
    }
    if (it >= 0) {
        load->host.template_dirs = args->multi[it];
        load->host.template_dir_count = args->seen[it];
    }
    return 0;
}

int cli_start(const char *command, const cli_option *options, int argc, char **argv,
              cli_args *args, void (*help)(FILE *), int min_files, int max_files,
              const char *what, load_options *load)
{
    int rc = cli_parse(command, options, argc, argv, args);
    if (rc)
        return rc;
    if (cli_value(options, args, "help")) {
        help(stdout);
        return EXIT_OK;
    }
    int n = args->positional_count;
    if (n < min_files || (max_files >= 0 && n > max_files)) {
        fprintf(stderr, "cjm %s: expected %s, got %d argument%s\nTry 'cjm help %s'.\n",
                command, what, n, n == 1 ? "" : "s", command);
        return EXIT_USAGE;
    }
    if (load && (rc = cli_load_options(command, options, args, load)))
        return rc;
    if (!load && (rc = cli_apply_limits(command, options, args)))
        return rc;
    return -1;
}

int cli_finish(diag_list *d, arena *a, int produced)
{
    diag_print(d, stderr);
    int status = diag_exit_code(d);
    if (!produced && !status)
        status = EXIT_INPUT;
    diag_free(d);
    if (a)
        arena_free(a);
    return status;
}

int cli_output_format(const char *command, const cli_option *options,
                      const cli_args *args, unsigned mask)
{
    const char *out = cli_value(options, args, "output");
    const char *forced = cli_value(options, args, "format");
    if (!forced && (!out || strcmp(out, "-") == 0))
        return mask & FMTBIT(FMT_TABLE) ? FMT_TABLE : FMT_YAML;
    return format_choose(command, out ? out : "-", forced, mask);
}

int cli_check_output(const char *command, const char *out, const char *const *inputs,
                     int ninputs, int force)
{
    struct stat os, is;
    if (!out || strcmp(out, "-") == 0 || stat(out, &os) != 0 || !S_ISREG(os.st_mode))
        return 0;
    for (int i = 0; i < ninputs; i++)
        if (inputs[i] && stat(inputs[i], &is) == 0 && is.st_dev == os.st_dev
            && is.st_ino == os.st_ino) {
            fprintf(stderr, "cjm %s: %s is also the input; write the output to "
                    "another file\n", command, out);
            return EXIT_USAGE;
        }
    if (force < 0 || force)
        return 0;
    fprintf(stderr, "cjm %s: %s exists; give --force to replace it\n", command, out);
    return EXIT_USAGE;
}

static int has_stdlib(const char *dir)
{
    char path[PATH_MAX + 32];
    struct stat st;
    snprintf(path, sizeof path, "%s/stdlib/cjm.lua", dir);
    return stat(path, &st) == 0;
}

const char *cli_datadir(void)
{
    static char found[PATH_MAX];
    if (found[0])
        return found;
    const char *env = getenv("CJM_HOME");
    if (env && *env && has_stdlib(env)) {
        snprintf(found, sizeof found, "%s", env);
        return found;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        /* the source tree (./cjm or build/asan/cjm), then PREFIX/share/cjm */
        static const char *const rel[] = { "", "/..", "/../..", "/../share/cjm" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            char cand[PATH_MAX];
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            if (has_stdlib(cand)) {
                char *real = realpath(cand, NULL);
                snprintf(found, sizeof found, "%s", real ? real : cand);
                free(real);
                return found;
            }
        }
    }
    snprintf(found, sizeof found, "%s", CJM_DATADIR);
    return found;
}

const char *cli_folder_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    snprintf(buf, size, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    return buf;
}
