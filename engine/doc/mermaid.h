/*
 * mermaid.h — Mermaid's `journey` diagrams read as journey documents.
 *
 * A diagram is the text of a .mmd file, or a ```mermaid fence in
 * Markdown (a file may hold several; fences of other diagram kinds are
 * skipped).  What it says becomes the same document tree a YAML journey
 * gives, every value at its line in the file:
 *
 *   title T, accTitle: T   -> title (accTitle when there is no title)
 *   accDescr: D, or accDescr { ... } over several lines -> description
 *   section S              -> a phase named S
 *   Task: 5: Ann, Bob      -> a step of that phase with score 5 and the
 *                             personas Ann and Bob
 *   an actor               -> a persona (id from the name); in each phase
 *                             where it has a task, a participant
 *   scores                 -> each actor's emotion in a phase: the mean of
 *                             (score - 3) over its scored tasks there, so
 *                             the 1..5 of Mermaid's faces is -2..+2
 *
 * `%%` comments and `%%{init}%%` directives are skipped, `<br>` in a name
 * is a line break; the score and the actors may be left out
 * ("Task: Ann", "Task: 5", "Task:").  Tasks before the first section go
 * into a phase named after the title.
 */
#ifndef CJM_MERMAID_H
#define CJM_MERMAID_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/node.h"

/* The journey diagrams in TEXT (LEN bytes) of FILE, as documents in A:
 * their number, with the documents in *OUT (an array in A); -1 after
 * errors in D (each at its line of FILE). */
int mermaid_read(arena *a, const char *file, const char *text, size_t len, node ***out,
                 diag_list *d);

#endif
