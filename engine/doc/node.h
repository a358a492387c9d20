/*
 * node.h — the document tree every input becomes before it is a model.
 *
 * YAML files (yaml.c) and Lua tables (host.c) are both turned into this
 * tree, so the model builder reads one shape and never touches libyaml or
 * the Lua stack.  Each node remembers where it came from (file, 1-based
 * line and column; 0 when it was made by a script), and a map member also
 * remembers the position of its key, so an unknown key can be pointed at.
 * All nodes live in an arena owned by the caller.
 */
#ifndef CJM_NODE_H
#define CJM_NODE_H

#include <stddef.h>
#include "base/arena.h"

typedef enum {
    NODE_NULL, NODE_BOOL, NODE_INT, NODE_FLOAT, NODE_STR, NODE_SEQ, NODE_MAP
} node_kind;

enum {
    NODE_QUOTED = 1,        /* a YAML scalar written in quotes */
    NODE_EMPTY_TABLE = 2    /* an empty Lua table: a map or a sequence */
};

typedef struct node node;
struct node {
    node_kind kind;
    unsigned flags;
    const char *file;       /* NULL when unknown */
    int line, col;          /* 0 when unknown */
    const char *key;        /* the key, when this node is a map value */
    int key_line, key_col;
    node *next;             /* next sibling in the parent */
    node *first, *last;     /* children of a SEQ or MAP */
    int count;
    union {
        int boolean;
        long long integer;
        double number;
        struct { const char *s; size_t len; } str;
    } v;
};

/* A new node of KIND at FILE:LINE:COL (FILE is not copied; it must outlive
 * the tree — interned strings from the same arena are the usual choice). */
node *node_new(arena *a, node_kind kind, const char *file, int line, int col);

node *node_new_str(arena *a, const char *s, size_t len);
node *node_new_int(arena *a, long long v);
node *node_new_float(arena *a, double v);
node *node_new_bool(arena *a, int v);

/* Append CHILD to SEQ or MAP (for a map, set child->key first). */
void node_append(node *parent, node *child);

/* Append CHILD to MAP under KEY (copied into A). */
void node_map_put(arena *a, node *map, const char *key, node *child);

/* Take CHILD out of PARENT's children (nothing when it is not one). */
void node_remove(node *parent, node *child);

/* Put CHILD where OLD is among PARENT's children (keeping OLD's key). */
void node_replace(node *parent, node *old, node *child);

/* The value stored under KEY in MAP, or NULL (also NULL if MAP is not a map). */
node *node_map_get(const node *map, const char *key);

/* A deep copy of N (positions kept); *BUDGET is decreased by the number of
 * nodes copied and the copy stops (returning NULL) when it would go below 0. */
node *node_copy(arena *a, const node *n, long *budget);

/* Number of nodes in the subtree, N included. */
long node_size(const node *n);

/* "a mapping", "a string", ... for messages. */
const char *node_kind_name(node_kind kind);

/* True when N is a map, or an empty Lua table (which may stand for one). */
int node_is_map(const node *n);
/* True when N is a sequence, or an empty Lua table. */
int node_is_seq(const node *n);

#endif
