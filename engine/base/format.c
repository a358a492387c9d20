/*
 * format.c — output formats by name and by file name; see format.h.
 */
#include "base/format.h"

#include <stdio.h>
#include <string.h>

static const struct { const char *name; out_format f; } names[] = {
    { "table", FMT_TABLE }, { "md", FMT_MD }, { "markdown", FMT_MD },
    { "csv", FMT_CSV }, { "yaml", FMT_YAML }, { "yml", FMT_YAML },
    { "json", FMT_JSON }, { "svg", FMT_SVG }, { "png", FMT_PNG }, { "pdf", FMT_PDF },
    { "mmd", FMT_MERMAID }, { "mermaid", FMT_MERMAID }, { "xlsx", FMT_XLSX },
    { "html", FMT_HTML },
    { "text", FMT_TABLE }, { "gcc", FMT_GCC }, { "sarif", FMT_SARIF },
};

int format_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0)
            return (int)names[i].f;
    return -1;
}

int format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash) || dot[1] == '\0')
        return -1;
    int f = format_from_name(dot + 1);
    return f == FMT_TABLE ? -1 : f;
}

const char *format_name(out_format f)
{
    static const char *const canonical[FMT__COUNT] = {
        "table", "md", "csv", "yaml", "json", "svg", "png", "pdf", "mmd", "xlsx", "html", "gcc", "sarif"
    };
    return f < FMT__COUNT ? canonical[f] : "?";
}

const char *format_list(unsigned mask)
{
    static char buf[128];
    int n = 0, total = 0;
    for (int f = FMT_MD; f < FMT__COUNT; f++)
        total += (mask & FMTBIT(f)) != 0;
    size_t used = 0;
    buf[0] = '\0';
    for (int f = FMT_MD; f < FMT__COUNT; f++) {
        if (!(mask & FMTBIT(f)))
            continue;
        n++;
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s.%s",
                                 n == 1 ? "" : n == total ? " or " : ", ",
                                 format_name((out_format)f));
        if (used >= sizeof buf)
            break;
    }
    return buf;
}

int format_choose(const char *command, const char *path, const char *forced,
                  unsigned mask)
{
    int f = forced ? format_from_name(forced) : format_from_path(path);
    if (f >= 0 && (mask & FMTBIT(f)))
        return f;
    if (forced)
        fprintf(stderr, "cjm %s: --format %s is not one of %s\n", command, forced,
                format_list(mask));
    else if (f >= 0)
        fprintf(stderr, "cjm %s: cannot write %s files; name the output %s\n",
                command, format_name((out_format)f), format_list(mask));
    else
        fprintf(stderr, "cjm %s: cannot tell the format of \"%s\"; name it %s, or "
                "give --format\n", command, path, format_list(mask));
    return -1;
}
