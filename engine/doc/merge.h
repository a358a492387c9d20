/*
 * merge.h — the one merge of an override into a document: how a journey
 * file changes the journey a template built (and how cjm.merge and
 * cjm.extend do the same in Lua).
 *
 *  - Mappings merge key by key; an override's value replaces the base's,
 *    and `key: ~` (null) removes the key.
 *  - A list of mappings with ids (personas, phases, touchpoints, cards,
 *    actions, scenarios) is addressed by id: an override item merges into
 *    the base item with its id.  An id the base does not have is an error
 *    with the known ids and a suggestion, unless the item says `add: true`
 *    (it is appended); `remove: true` removes the item and, through the
 *    rules' reference table, every reference to it; `replace: true`
 *    replaces the item whole.
 *  - In the list named by the rules' redefine entry (personas), an
 *    override that sets the redefining field (name) describes another
 *    person: the base item's other attributes are dropped, all but the
 *    ones the rules keep (id, role), so nothing generated is mixed in.
 *  - Any other list is replaced whole; `[]` empties it.
 * Override nodes are copied in with their positions, so problems found
 * later point into the override's file.
 */
#ifndef CJM_MERGE_H
#define CJM_MERGE_H

#include "base/arena.h"
#include "base/diag.h"
#include "doc/node.h"

typedef enum {
    REF_KEY,        /* a mapping keyed by the id: the key goes */
    REF_VALUE,      /* a list of ids: the id goes */
    REF_ITEM,       /* a list of mappings: those whose FIELD is the id go */
    REF_FIELD       /* a mapping whose FIELD is the id: the field goes */
} ref_how;

/* Where an entity of KIND may be referred to: PATH from the document's
 * root, with [] for every item of a list (a mapping counts as a list of
 * one), e.g. "phases[].transitions.approve". */
typedef struct merge_ref {
    const char *kind;
    const char *path;
    ref_how how;
    const char *field;
} merge_ref;

typedef struct merge_rules {
    const merge_ref *refs;
    int nrefs;
    /* list keys whose items are cards (kind "cards"); others are their key */
    const char *const *card_lists;
    /* a redefined item: in list REDEFINE_LIST, an override that sets
     * REDEFINE_FIELD keeps only the REDEFINE_KEEP keys of the base item */
    const char *redefine_list, *redefine_field;
    const char *const *redefine_keep;
} merge_rules;

/* Merge OVER into BASE (changed in place; OVER's nodes are copied into A)
 * and return BASE.  WHAT names the base in messages ("template
 * b2b_approval").  Unknown ids and other problems go to D with OVER's
 * positions; BASE is still returned. */
node *doc_merge(arena *a, node *base, const node *over, const merge_rules *rules,
                const char *what, diag_list *d);

/* Give the nodes of DST the positions of the nodes of SRC at the same
 * place (maps by key, lists of items with ids by id, other lists by
 * index) whose scalar value is the same: after a round trip through Lua,
 * where scalars lose them. */
void doc_copy_positions(node *dst, const node *src);

/* The id of item N (a mapping's `id` text), or NULL. */
const char *doc_item_id(const node *n);

#endif
