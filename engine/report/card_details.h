/*
 * card_details.h — what a drawn card stands for, in words: the details the
 * HTML view shows on hover or focus (notes, evidence, owner, timing, reach
 * and lift).
 *
 * A box of a laid-out page names what it shows with a ref ("pain:ID",
 * "touchpoint:PHASE/ID", "step:PHASE#2", "score:PHASE/PERSONA", ...; see
 * layout.h).  Several boxes can show one thing (a touchpoint's name and its
 * details line): card_ref gives the one ref they share.  The words come
 * from the translation table, in the journey's language.
 */
#ifndef CJM_CARD_DETAILS_H
#define CJM_CARD_DETAILS_H

#include "base/arena.h"
#include "doc/node.h"
#include "model/model.h"

/* The ref of the thing box ref REF is part of (in A, or REF itself), or
 * NULL when there is nothing more to say about it (a title, a legend, an
 * axis, a channel icon). */
const char *card_ref(arena *a, const char *ref);

/* The details of what card_ref REF names in J, as a map: "kind" (what it
 * is, such as "Pain"), "title" (its name or text) and "rows" (a list of
 * [label, value] pairs, only the ones given).  NULL when REF names nothing
 * in J. */
node *card_details(arena *a, const cjm_journey *j, const char *ref);

#endif
