/*
 * commands.h — the subcommands main() dispatches to.
 *
 * Each takes the arguments after its name and returns the exit status
 * (0 ok, 1 bad input, 2 usage, 3 limit or internal error).  Each has a
 * help text printed by `cjm help NAME` and `cjm NAME --help`.
 */
#ifndef CJM_COMMANDS_H
#define CJM_COMMANDS_H

#include <stdio.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    void (*help)(FILE *out);
} command;

int cmd_check(int argc, char **argv);
void help_check(FILE *out);
int cmd_build(int argc, char **argv);
void help_build(FILE *out);

int cmd_templates(int argc, char **argv);
void help_templates(FILE *out);
int cmd_new(int argc, char **argv);
void help_new(FILE *out);

int cmd_schema(int argc, char **argv);
void help_schema(FILE *out);

int cmd_render(int argc, char **argv);
void help_render(FILE *out);
int cmd_watch(int argc, char **argv);
void help_watch(FILE *out);
int cmd_serve(int argc, char **argv);
void help_serve(FILE *out);
int cmd_lint(int argc, char **argv);
void help_lint(FILE *out);
int cmd_diff(int argc, char **argv);
void help_diff(FILE *out);

int cmd_simulate(int argc, char **argv);
void help_simulate(FILE *out);

int cmd_merge(int argc, char **argv);
void help_merge(FILE *out);

int cmd_attribution(int argc, char **argv);
void help_attribution(FILE *out);

int cmd_plan(int argc, char **argv);
void help_plan(FILE *out);

int cmd_import(int argc, char **argv);
void help_import(FILE *out);
int cmd_export(int argc, char **argv);
void help_export(FILE *out);

#endif
