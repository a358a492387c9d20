/*
 * validate.h — the rules that span a journey's entities.
 *
 * val_journey() runs after model_build() and, in one pass over the model,
 *   - gives generated ids to pains and opportunities that have none
 *     ("<phase>_pain_<n>", "<phase>_opportunity_<n>"),
 *   - checks that every id is unique in its kind (pains, opportunities and
 *     blueprint cards share one namespace, as actions and links refer to
 *     them),
 *   - resolves every reference (touchpoints, involvement, emotions, back,
 *     approve, actions' addresses and phase, scenario and effect targets,
 *     blueprint links) and lists the known ids when one is unknown,
 *   - checks each phase's transitions: advance + drop + back <= 1, back
 *     only to an earlier phase, approvals only from that phase's
 *     gatekeepers, duration min <= mode <= max, not both advance and
 *     duration,
 *   - fills the involvement of every persona in every phase (none when not
 *     named) and an approval of 1 for gatekeepers without one.
 * Problems go to D with the model path and source position.  Returns the
 * number of errors it added.
 */
#ifndef CJM_VALIDATE_H
#define CJM_VALIDATE_H

#include "base/arena.h"
#include "base/diag.h"
#include "model/model.h"

int val_journey(arena *a, cjm_journey *j, diag_list *d);

#endif
