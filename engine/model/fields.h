/*
 * fields.h — the field tables that describe every entity of a journey:
 * one table per mapping, one row per key.  model.c reads and writes
 * journeys with them; schema.c writes the JSON Schema and the Lua type
 * annotations from the same rows, so the editors' view of the format and
 * the validator's cannot drift apart.
 */
#ifndef CJM_FIELDS_H
#define CJM_FIELDS_H

#include <stddef.h>
#include "base/arena.h"
#include "doc/node.h"

typedef enum { FT_TEXT, FT_ID, FT_INT, FT_NUM, FT_BOOL, FT_ENUM, FT_STRS,
               FT_CARDS, FT_CUSTOM } ftype;

enum {
    F_REQUIRED = 1,
    F_SKIP_NEG = 2,     /* a number below 0 means "not given": not written */
    F_SKIP_FALSE = 4
};

typedef struct bctx bctx;       /* model.c's reading context */
typedef void (*read_fn)(bctx *c, const node *n, const char *path, void *obj);
typedef node *(*write_fn)(arena *a, const void *obj);

typedef struct field {
    const char *key;
    ftype type;
    size_t offset;
    unsigned flags;
    const char *const *names;   /* FT_ENUM */
    double min, max;            /* FT_INT, FT_NUM */
    read_fn read;               /* FT_CUSTOM */
    write_fn write;             /* FT_CUSTOM; NULL result: not written */
    const char *shape;          /* FT_CUSTOM: what the reader accepts, by name
                                   ("evidence", "edit", "list:phase"...), for
                                   schema.c */
    const char *doc;            /* what the key means, for editors */
} field;

#define COUNT(t) ((int)(sizeof(t) / sizeof((t)[0])))
#define NOLIMIT 0, 0

/* A named table: "journey", "persona", "phase", "card", "evidence"... */
typedef struct field_table {
    const char *name;
    const field *fields;
    int count;
} field_table;

/* Every table, the journey first; *COUNT set. */
const field_table *model_field_tables(int *count);

/* The table named NAME, or NULL. */
const field_table *model_field_table(const char *name);

/* The largest id length (MODEL_ID_MAX) and the pattern ids follow. */
#define MODEL_ID_PATTERN "^[A-Za-z_][A-Za-z0-9_-]*$"

#endif
